import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { loadConfig } from '@polku/config';
import { IdentityVault } from '@polku/identity';
import { LoggerModule } from 'nestjs-pino';
import { Pool } from 'pg';
import { ErasureController } from './admin/erasure.controller';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { DevIssuerModule } from './dev-issuer/dev-issuer.module';
import { HealthController } from './health/health.controller';
import { ErrorFilter } from './http/error.filter';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { AppConfig, ConnectionsModule } from './infrastructure/connections';
import { KpisController } from './kpis/kpis.controller';
import { MeController } from './me/me.controller';
import { NotificationsQuery } from './me/notifications.query';
import { DocsController, HelloController } from './operations/docs.controller';
import { Metrics, MetricsController } from './operations/metrics';
import { PathCommandController } from './paths/path-command.controller';
import { PathCommands } from './paths/path-commands';
import { PathReadsController } from './paths/path-reads.controller';
import { PathStore } from './paths/path-store';
import { PathSummariesQuery } from './paths/path-summaries.query';
import { StartPathController } from './paths/start-path.controller';

const CORRELATION_HEADER = 'x-correlation-id';

/** The request's correlation id: the caller's when well-formed, else a new one; echoed back. */
function correlationIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers[CORRELATION_HEADER];
  const id = typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
  response.setHeader(CORRELATION_HEADER, id);
  return id;
}

const config = loadConfig();

@Module({
  imports: [
    LoggerModule.forRoot({
      pinoHttp: {
        name: 'api',
        level: config.logLevel,
        genReqId: correlationIdOf,
        // Requests are logged by method, path and status only: no bodies, no query, no headers.
        serializers: {
          req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
          res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        },
      },
    }),
    ConnectionsModule,
    DevIssuerModule.register(config.auth.devIssuer),
  ],
  controllers: [
    HealthController,
    MetricsController,
    DocsController,
    HelloController,
    StartPathController,
    PathReadsController,
    PathCommandController,
    MeController,
    DeadlinesController,
    KpisController,
    ErasureController,
  ],
  providers: [
    TokenVerifier,
    Metrics,
    IdempotencyStore,
    PathStore,
    PathCommands,
    PathSummariesQuery,
    NotificationsQuery,
    { provide: IdentityVault, inject: [Pool, AppConfig], useFactory: (pool: Pool, app: AppConfig) => new IdentityVault(pool, app.values.identity.masterKey) },
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule {}
