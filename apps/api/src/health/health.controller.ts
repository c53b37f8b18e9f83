import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { Pool } from 'pg';
import { Public } from '@polku/auth';
import { KafkaAdmin } from '../infrastructure/connections';

type Check = () => Promise<unknown>;

// A dependency that does not answer within this time counts as down.
const CHECK_TIMEOUT_MS = 2_000;

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly pool: Pool,
    private readonly temporal: Client,
    private readonly kafka: KafkaAdmin,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<object> {
    const checks = {
      postgres: () => this.pool.query('SELECT 1'),
      temporal: () => this.temporal.workflowService.getSystemInfo({}),
      kafka: async () => (await this.kafka.get()).describeCluster(),
    };
    const results = Object.fromEntries(
      await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await probe(check)] as const)),
    );
    const ok = Object.values(results).every((result) => result === 'up');
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'unavailable', checks: results };
  }
}

async function probe(check: Check): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
