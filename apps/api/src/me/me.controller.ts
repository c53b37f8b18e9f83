import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { NotificationsQuerySchema, PageQuerySchema } from '@polku/contracts';
import { z } from 'zod';
import { CurrentUser, Roles } from '@polku/auth';
import type { StaffUser } from '../auth/staff-user';
import { ApiError } from '../http/api-error';
import { ZodParamPipe, ZodPipe } from '../http/zod.pipe';
import { PathSummariesQuery } from '../paths/path-summaries.query';
import { NotificationsQuery } from './notifications.query';

const NOTIFICATION_NOT_FOUND = { code: 'NOTIFICATION.NOT_FOUND', message: 'No such notification for you.' } as const;

@Controller('me')
export class MeController {
  constructor(
    private readonly summaries: PathSummariesQuery,
    private readonly notifications: NotificationsQuery,
  ) {}

  @Get()
  me(@CurrentUser() user: StaffUser): StaffUser {
    return { userId: user.userId, role: user.role, employmentArea: user.employmentArea };
  }

  /** The coach's open paths (the caseload), newest registration first. */
  @Get('caseload')
  @Roles(['coach'])
  caseload(@Query(new ZodPipe(PageQuerySchema, 'query')) query: z.infer<typeof PageQuerySchema>, @CurrentUser() user: StaffUser) {
    return this.summaries.page(user.employmentArea, { coachId: user.userId, openOnly: true }, query.limit, query.cursor);
  }

  @Get('notifications')
  async list(@Query(new ZodPipe(NotificationsQuerySchema, 'query')) query: z.infer<typeof NotificationsQuerySchema>, @CurrentUser() user: StaffUser) {
    return { items: await this.notifications.mine(user, query.unread === 'true', query.limit) };
  }

  @Post('notifications/:notificationId/read')
  @HttpCode(HttpStatus.OK)
  async markRead(@Param('notificationId', new ZodParamPipe(z.uuid(), NOTIFICATION_NOT_FOUND)) id: string, @CurrentUser() user: StaffUser) {
    const read = await this.notifications.markRead(user, id);
    if (!read) throw new ApiError(HttpStatus.NOT_FOUND, NOTIFICATION_NOT_FOUND);
    return read;
  }
}
