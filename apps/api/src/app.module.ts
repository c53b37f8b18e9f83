import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { loadConfig } from '@polku/config';
import { IdentityVault } from '@polku/identity';
import { LoggerModule } from 'nestjs-pino';
import { Pool } from 'pg';
import { ErasureController } from './admin/erasure.controller';
import { AuthGuard } from './auth/auth.guard';
import { CodecModule } from './codec/codec.module';
import { TokenVerifier } from './auth/token-verifier';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { DevIssuerModule } from './dev-issuer/dev-issuer.module';
import { HealthController } from './health/health.controller';
import { ErrorFilter } from './http/error.filter';
import { requestLogging } from './http/request-logging';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { AppConfig, ConnectionsModule } from './infrastructure/connections';
import { KpisController } from './kpis/kpis.controller';
import { KpiPeriodQuery } from './kpis/kpi-period.query';
import { MeController } from './me/me.controller';
import { NotificationsQuery } from './me/notifications.query';
import { DocsController } from './operations/docs.controller';
import { HelloController } from './operations/hello.controller';
import { Metrics, MetricsController } from './operations/metrics';
import { CommandContext } from './paths/command-context';
import { PathReadsController } from './paths/path-reads.controller';
import { PathStore } from './paths/path-store';
import { PathSummariesQuery } from './paths/path-summaries.query';
import { PathWorkflowClient } from './paths/path-workflow.client';
import { StaffCommandController } from './paths/staff-command.controller';
import { StartPathController } from './paths/start-path.controller';
import { TransferRequests, TransferRequestsController } from './paths/transfer-requests';
import { AccessLog } from './audit/access-log';

const config = loadConfig();

@Module({
  imports: [
    LoggerModule.forRoot(requestLogging(config.logLevel)),
    ConnectionsModule,
    CodecModule,
    DevIssuerModule.register(config.auth.devIssuer),
  ],
  controllers: [
    HealthController,
    // /metrics tells anyone who reaches it how the service is used: only where API_METRICS asks for it (on locally).
    ...(config.api.metrics ? [MetricsController] : []),
    DocsController,
    HelloController,
    StartPathController,
    TransferRequestsController,
    PathReadsController,
    StaffCommandController,
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
    PathWorkflowClient,
    CommandContext,
    AccessLog,
    TransferRequests,
    PathSummariesQuery,
    NotificationsQuery,
    KpiPeriodQuery,
    { provide: IdentityVault, inject: [Pool, AppConfig], useFactory: (pool: Pool, app: AppConfig) => new IdentityVault(pool, app.values.identity) },
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule {}
