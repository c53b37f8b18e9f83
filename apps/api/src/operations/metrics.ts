import { Controller, Get, Header, Injectable } from '@nestjs/common';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { Public } from '@polku/auth';

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

/**
 * Times every request, refused ones included (a guard's 401 never reaches an interceptor), by
 * its route template: raw URLs carry ids and would explode the label set.
 */
export function metricsMiddleware(metrics: Metrics): RequestHandler {
  return (request, response, next) => {
    const stop = metrics.requests.startTimer({ method: request.method });
    response.on('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({ route, status: String(response.statusCode) });
    });
    next();
  };
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
