import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AudienceConsumerRunner } from '@polku/consumer';
import { WellbeingConsumerModule } from './wellbeing-consumer.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(WellbeingConsumerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const { api, wellbeingConsumer } = app.get(AudienceConsumerRunner).config;
  await app.listen(wellbeingConsumer.port, api.host);
  app.get(Logger).log(`wellbeing consumer on http://${api.host}:${wellbeingConsumer.port} (/health, /read/…)`);
}

void bootstrap();
