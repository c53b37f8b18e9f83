import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { RelayModule, RelayRunner } from './relay.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(RelayModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const { api, relay } = app.get(RelayRunner).config;
  await app.listen(relay.port, api.host);
  app.get(Logger).log(`relay health on http://${api.host}:${relay.port}/health`);
}

void bootstrap();
