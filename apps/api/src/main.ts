import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { jsonBody } from './http/json-body';
import { AppConfig } from './infrastructure/connections';

// Staff commands are small; anything larger is refused by body-parser with REQUEST.TOO_LARGE.
const BODY_LIMIT = '64kb';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(...jsonBody(BODY_LIMIT));
  app.enableShutdownHooks();
  const { host, port } = app.get(AppConfig).values.api;
  await app.listen(port, host);
  app.get(Logger).log(`API listening on http://${host}:${port}`);
}

void bootstrap();
