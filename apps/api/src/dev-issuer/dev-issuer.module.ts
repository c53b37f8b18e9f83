import { type DynamicModule, Module } from '@nestjs/common';
import { ConnectionsModule } from '../infrastructure/connections';
import { DevIssuerController } from './dev-issuer.controller';
import { DevIssuerKeys } from './dev-issuer.keys';

/** Mounted only when AUTH_DEV_ISSUER is on (the default locally, never in production). */
@Module({})
export class DevIssuerModule {
  static register(enabled: boolean): DynamicModule {
    return enabled ? { module: DevIssuerModule, imports: [ConnectionsModule], controllers: [DevIssuerController], providers: [DevIssuerKeys] } : { module: DevIssuerModule };
  }
}
