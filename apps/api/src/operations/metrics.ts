import { type CallHandler, Controller, type ExecutionContext, Get, Header, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { type Observable, tap } from 'rxjs';
import { Public } from '../auth/auth.decorators';

/** The API's Prometheus registry: process metrics, HTTP requests and staff commands. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Histogram({
    name: 'polku_api_request_duration_seconds',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly commands = new Counter({
    name: 'polku_api_commands_total',
    help: 'Staff commands by type and outcome (ok or the error code)',
    labelNames: ['command', 'outcome'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'polku_api_' });
  }
}

/** Times every request by its route template (never the raw URL: ids would explode the labels). */
@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const stop = this.metrics.requests.startTimer({ method: request.method });
    const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
    const done = (status: number) => stop({ route, status: String(status) });
    return next.handle().pipe(
      tap({
        next: () => done(http.getResponse<Response>().statusCode),
        error: (error: { getStatus?: () => number }) => done(error.getStatus?.() ?? 500),
      }),
    );
  }
}

@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
