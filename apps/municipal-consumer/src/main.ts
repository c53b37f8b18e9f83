import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AudienceConsumerRunner } from '@polku/consumer';
import { MunicipalConsumerModule } from './municipal-consumer.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(MunicipalConsumerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const { api, municipalConsumer } = app.get(AudienceConsumerRunner).config;
  await app.listen(municipalConsumer.port, api.host);
  app.get(Logger).log(`municipal consumer on http://${api.host}:${municipalConsumer.port} (/health, /read/…)`);
}

void bootstrap();
