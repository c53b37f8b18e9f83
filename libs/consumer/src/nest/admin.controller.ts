import { Controller, Get, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { healthOf } from '../consumer-app';
import type { ConsumerStatus } from '../event-consumer';
import { RebuildError } from '../rebuild-error';
import type { RebuildStatus } from '../rebuild-progress';
import { AudienceConsumerRunner } from './audience-consumer.runner';
import { ConsumerHttpError } from './consumer-http-error';
import { JsonOnlyGuard } from './json-body';
import { Public, StaffRoles } from './staff-auth.decorators';

interface RebuildAnswer {
  readonly rebuild: RebuildStatus | null;
  readonly consumer: ConsumerStatus;
}

/** Health (open, for the supervisor) and the rebuild (admins only). */
@Controller()
export class AudienceConsumerAdminController {
  constructor(private readonly runner: AudienceConsumerRunner) {}

  @Public()
  @Get('health')
  async health(@Res({ passthrough: true }) response: Response): Promise<object> {
    const { ok, body } = await healthOf(this.runner.app);
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return body;
  }

  /**
   * Starts a rebuild beside the live read model (202); follow it with GET. 409 with
   * REBUILD.IN_PROGRESS or REBUILD.HISTORY_INCOMPLETE when it cannot start. Admin token in the
   * Authorization header and a JSON body: see StaffAuthGuard and JsonOnlyGuard for why (CSRF).
   */
  @Post('admin/rebuild')
  @StaffRoles('admin')
  @UseGuards(JsonOnlyGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  async rebuild(): Promise<RebuildAnswer> {
    const { rebuild, consumer } = this.runner.started;
    const status = await rebuild.start().catch((error: unknown) => {
      throw error instanceof RebuildError ? new ConsumerHttpError(HttpStatus.CONFLICT, error.code, error.message) : error;
    });
    return { rebuild: status, consumer: consumer.status() };
  }

  @Get('admin/rebuild')
  @StaffRoles('admin')
  rebuildStatus(): RebuildAnswer {
    const { rebuild, consumer } = this.runner.started;
    return { rebuild: rebuild.status() ?? null, consumer: consumer.status() };
  }
}
