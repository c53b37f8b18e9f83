import { Module, type Type } from '@nestjs/common';
import { startTestIssuer, type TestIssuer } from '@polku/auth/testing';
import { createPool } from '@polku/event-store';
import { AudienceConsumerModule, type AudienceConsumerOptions } from '../nest/audience-consumer.module';
import { AudienceConsumerRunner } from '../nest/audience-consumer.runner';
import { config } from './config';
import { startConsumerHttp, type ConsumerHttp } from './http';

/** A consumer app for a read-endpoint test, its token issuer, and what its runner started. */
export interface ReadTestApp {
  readonly issuer: TestIssuer;
  readonly http: ConsumerHttp;
  readonly started: AudienceConsumerRunner['started'];
  /** Stops the app and the issuer and drops the test's schemas (live and rebuild). */
  close(): Promise<void>;
}

/**
 * The consumer app as its main.ts builds it (`consumer`'s module with `controller`), in a schema
 * and group of the test's own, trusting a test issuer, serving HTTP on a free loopback port.
 */
export async function startReadTestApp(consumer: AudienceConsumerOptions, controller: Type<unknown>, names: { readonly schema: string; readonly groupId: string }): Promise<ReadTestApp> {
  const issuer = await startTestIssuer();
  @Module({
    imports: [AudienceConsumerModule.forAudience({ ...consumer, schema: names.schema, groupId: names.groupId, tokenIssuer: issuer.settings })],
    controllers: [controller],
  })
  class ReadTestModule {}
  const http = await startConsumerHttp(ReadTestModule).catch(async (error: unknown) => {
    await issuer.close();
    throw error;
  });
  return {
    issuer,
    http,
    started: http.app.get(AudienceConsumerRunner).started,
    async close() {
      await http.close();
      await issuer.close();
      const db = createPool(config.databaseUrl, 1);
      await db.query(`DROP SCHEMA IF EXISTS ${names.schema} CASCADE; DROP SCHEMA IF EXISTS ${names.schema}_rebuild CASCADE`);
      await db.end();
    },
  };
}
