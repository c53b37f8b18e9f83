import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { TokenVerifier } from './auth/token-verifier';
import { authenticateBeforeBody } from './http/bearer-first';
import { jsonBody } from './http/json-body';
import { securityHeaders } from './http/security-headers';
import { AppConfig } from './infrastructure/connections';
import { Metrics, metricsMiddleware } from './operations/metrics';

// Staff commands are small; anything larger is refused by body-parser with REQUEST.TOO_LARGE.
const BODY_LIMIT = '64kb';
// The Temporal UI sends the codec endpoint a page of history's payloads at a time.
const CODEC_BODY_LIMIT = '8mb';
// `nx build console` writes the staff console here; `npm start` builds it before the API starts.
const CONSOLE_DIST = join(__dirname, '../../../dist/apps/console');
const SWAGGER_UI = dirname(require.resolve('swagger-ui-dist/package.json'));

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(authenticateBeforeBody(app.get(TokenVerifier)));
  app.use(metricsMiddleware(app.get(Metrics)));
  app.use('/codec', ...jsonBody(CODEC_BODY_LIMIT));
  app.use(...jsonBody(BODY_LIMIT));
  app.useStaticAssets(SWAGGER_UI, { prefix: '/docs/assets/', index: false });
  if (existsSync(CONSOLE_DIST)) app.useStaticAssets(CONSOLE_DIST, { index: 'index.html' });
  else logger.warn(`The console is not built (${CONSOLE_DIST}); npm start builds it.`);
  app.enableShutdownHooks();
  const { host, port } = app.get(AppConfig).values.api;
  await app.listen(port, host);
  logger.log(`API listening on http://${host}:${port} (console /, docs /docs, metrics /metrics)`);
}

void bootstrap();
