import type { AddressInfo } from 'node:net';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureConsumerHttp } from '../nest/bootstrap';

export interface ConsumerHttp {
  readonly app: INestApplication;
  call(method: 'GET' | 'POST', path: string, options?: { token?: string; body?: string; contentType?: string }): Promise<{ status: number; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** A consumer app's HTTP side as bootstrap builds it, on a free loopback port. */
export async function startConsumerHttp(module: Type<unknown>): Promise<ConsumerHttp> {
  const app = await NestFactory.create(module, { bodyParser: false, logger: false });
  configureConsumerHttp(app);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  return {
    app,
    call: async (method, path, options = {}) => {
      const headers: Record<string, string> = {};
      if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
      if (options.contentType !== undefined) headers['content-type'] = options.contentType;
      const response = await fetch(`${base}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: options.body }) });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
    },
    close: () => app.close(),
  };
}
