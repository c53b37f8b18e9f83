import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { loadConfig } from '@polku/config';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health/health.controller';
import { ErrorFilter } from './http/error.filter';
import { ConnectionsModule } from './infrastructure/connections';
import { StartPathController } from './paths/start-path.controller';

const CORRELATION_HEADER = 'x-correlation-id';

@Module({
  imports: [
    LoggerModule.forRoot({
      pinoHttp: {
        name: 'api',
        level: loadConfig().logLevel,
        genReqId: (request: IncomingMessage) => {
          const given = request.headers[CORRELATION_HEADER];
          return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
        },
        // Requests are logged by method, route and status only: no bodies, no auth headers.
        serializers: {
          req: (request: { id: string; method: string; url: string }) => ({
            id: request.id,
            method: request.method,
            url: request.url,
          }),
        },
      },
    }),
    ConnectionsModule,
  ],
  controllers: [HealthController, StartPathController],
  providers: [{ provide: APP_FILTER, useClass: ErrorFilter }],
})
export class AppModule {}
