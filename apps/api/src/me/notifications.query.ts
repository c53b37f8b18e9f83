import { Injectable } from '@nestjs/common';
import { RECIPIENTS_READ_BY_ROLE } from '@polku/domain';
import { Pool } from 'pg';
import type { StaffUser } from '../auth/staff-user';
import { helsinkiToday, sharedWithWellbeing } from '../paths/wellbeing-visibility';

const COLUMNS = `notification_id::text AS "notificationId", path_id AS "pathId", recipient, rule, kind,
  to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "dueAt",
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(read_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "readAt"`;

// Wellbeing-county staff ($5 a date) see a notification only while its path may be shared with them.
const MINE = `employment_area = $1 AND ((recipient = 'COACH' AND recipient_user_id = $2) OR recipient = ANY($3::text[]))
  AND ($5::date IS NULL OR ${sharedWithWellbeing('notifications.path_id', '$5')})`;

/** The staff notifications `notifyStaff` writes, as the signed-in user may see them. */
@Injectable()
export class NotificationsQuery {
  constructor(private readonly pool: Pool) {}

  async mine(user: StaffUser, unreadOnly: boolean, limit: number): Promise<object[]> {
    const { rows } = await this.pool.query(
      `SELECT ${COLUMNS} FROM notifications WHERE ${MINE} ${unreadOnly ? 'AND read_at IS NULL' : ''} ORDER BY created_at DESC LIMIT $4`,
      [...this.scope(user), limit, this.sharingDate(user)],
    );
    return rows;
  }

  /** Marks one read; undefined when it is not the user's to read. Reading twice keeps the first time. */
  async markRead(user: StaffUser, notificationId: string): Promise<{ notificationId: string; readAt: string } | undefined> {
    const { rows } = await this.pool.query<{ notificationId: string; readAt: string }>(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE notification_id = $4 AND ${MINE}
       RETURNING notification_id::text AS "notificationId", to_char(read_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "readAt"`,
      [...this.scope(user), notificationId, this.sharingDate(user)],
    );
    return rows[0];
  }

  /** The day wellbeing-county staff's sharing is judged on; null for everyone else. */
  private sharingDate(user: StaffUser): string | null {
    return user.role === 'wellbeing' ? helsinkiToday() : null;
  }

  private scope(user: StaffUser): [string, string, readonly string[]] {
    return [user.employmentArea, user.userId, RECIPIENTS_READ_BY_ROLE[user.role]];
  }
}
