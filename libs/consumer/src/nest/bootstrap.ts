import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AudienceConsumerRunner } from './audience-consumer.module';

/** Starts a downstream consumer app on its configured port (municipal 3300, wellbeing 3400). */
export async function bootstrapAudienceConsumer(module: Type<unknown>): Promise<void> {
  const app = await NestFactory.create(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const runner = app.get(AudienceConsumerRunner);
  const { api, municipalConsumer, wellbeingConsumer } = runner.config;
  const port = runner.options.audience === 'municipal' ? municipalConsumer.port : wellbeingConsumer.port;
  await app.listen(port, api.host);
  app.get(Logger).log(`${runner.options.audience} consumer on http://${api.host}:${port} (/health, /read/…)`);
}
