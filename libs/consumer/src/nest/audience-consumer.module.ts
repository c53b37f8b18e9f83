import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { StaffTokenVerifier } from '@polku/auth';
import { loadConfig } from '@polku/config';
import { LoggerModule } from 'nestjs-pino';
import { AudienceConsumerAdminController } from './admin.controller';
import { AudienceConsumerOptions, AudienceConsumerRunner } from './audience-consumer.runner';
import { ConsumerErrorFilter } from './consumer-error.filter';
import { StaffAuthGuard } from './staff-auth.guard';

export { AudienceConsumerOptions } from './audience-consumer.runner';

/** What a log line says of its request: never headers (the bearer token) nor the query. */
const REQUEST_LOG_FIELDS = {
  req: (request: { id: unknown; method: string; url: string }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
  res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
};

/**
 * Health, rebuild, staff authentication and the consumer itself; each app adds only its read
 * endpoints. The guard is global: every route of the app needs a staff token unless @Public.
 */
@Module({})
export class AudienceConsumerModule {
  static forAudience(options: AudienceConsumerOptions): DynamicModule {
    return {
      module: AudienceConsumerModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { name: `${options.audience}-consumer`, level: loadConfig().logLevel, autoLogging: false, serializers: REQUEST_LOG_FIELDS } })],
      controllers: [AudienceConsumerAdminController],
      providers: [
        AudienceConsumerRunner,
        { provide: AudienceConsumerOptions, useValue: options },
        { provide: StaffTokenVerifier, inject: [AudienceConsumerRunner], useFactory: (runner: AudienceConsumerRunner) => new StaffTokenVerifier(options.tokenIssuer ?? runner.config.auth) },
        { provide: APP_GUARD, useClass: StaffAuthGuard },
        { provide: APP_FILTER, useClass: ConsumerErrorFilter },
      ],
      exports: [AudienceConsumerRunner],
    };
  }
}
