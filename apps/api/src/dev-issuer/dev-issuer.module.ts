import { type DynamicModule, Module } from '@nestjs/common';
import { ConnectionsModule } from '../infrastructure/connections';
import { DevIssuerController } from './dev-issuer.controller';
import { DevIssuerKeys } from './dev-issuer.keys';
import { LoopbackOnlyGuard } from './loopback-only.guard';

/**
 * Mounted only when AUTH_DEV_ISSUER=true, which libs/config accepts only with POLKU_LOCAL_DEV=true:
 * otherwise its routes do not exist. Even then it answers loopback callers only.
 */
@Module({})
export class DevIssuerModule {
  static register(enabled: boolean): DynamicModule {
    return enabled ? { module: DevIssuerModule, imports: [ConnectionsModule], controllers: [DevIssuerController], providers: [DevIssuerKeys, LoopbackOnlyGuard] } : { module: DevIssuerModule };
  }
}
