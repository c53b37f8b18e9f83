import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AppConfig, ConnectionsModule } from '../infrastructure/connections';
import { codecBrowserAccess } from './codec-browser-access';
import { CodecController } from './codec.controller';
import { CodecSessionController } from './codec-session.controller';
import { sessionCookieAsBearer } from './codec-session-cookie';

const CODEC_ROUTES = [
  { path: 'codec/decode', method: RequestMethod.ALL },
  { path: 'codec/encode', method: RequestMethod.ALL },
];

/** Temporal's codec-server protocol for the Temporal UI and CLI (docs/payload-encryption.md). */
@Module({ imports: [ConnectionsModule], controllers: [CodecController, CodecSessionController] })
export class CodecModule implements NestModule {
  constructor(private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(codecBrowserAccess(this.config.values.payloadEncryption.codecUiOrigins), sessionCookieAsBearer).forRoutes(...CODEC_ROUTES);
  }
}
