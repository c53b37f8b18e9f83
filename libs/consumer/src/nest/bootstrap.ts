import 'reflect-metadata';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AudienceConsumerRunner } from './audience-consumer.runner';
import { jsonBody } from './json-body';

/** Body parsing as every consumer app has it (bootstrap and tests alike): created with `bodyParser: false`. */
export function configureConsumerHttp(app: INestApplication): void {
  app.use(...jsonBody());
}

/** Starts a downstream consumer app on its configured port (municipal 3300, wellbeing 3400). */
export async function bootstrapAudienceConsumer(module: Type<unknown>): Promise<void> {
  const app = await NestFactory.create(module, { bufferLogs: true, bodyParser: false });
  configureConsumerHttp(app);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const runner = app.get(AudienceConsumerRunner);
  const { api, municipalConsumer, wellbeingConsumer } = runner.config;
  const port = runner.options.audience === 'municipal' ? municipalConsumer.port : wellbeingConsumer.port;
  await app.listen(port, api.host);
  app.get(Logger).log(`${runner.options.audience} consumer on http://${api.host}:${port} (/health, /read/…, /admin/rebuild; staff tokens)`);
}
