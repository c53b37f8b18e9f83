import type { IntegrationEvent } from '@polku/consumer';
import type { PoolClient } from 'pg';

/**
 * Applies one wellbeing event to the referrals and rehabilitation periods, and notes the path's
 * employment area when the event names it. Every write is idempotent on its own (keys, "still
 * open" conditions), besides the dedupe by event id. Referral and service ids are a path's own,
 * so every row is keyed by the path too (migration 0003).
 */
export async function projectWellbeing(event: IntegrationEvent, db: PoolClient): Promise<void> {
  await rememberArea(event, db);
  switch (event.name) {
    case 'ClientReferredToWellbeingService': {
      const { referralId, pathId, service, legalBasis, referredOn, workCapacityLimitation } = event.data;
      await db.query(
        `INSERT INTO referrals (referral_id, path_id, service, legal_basis, referred_on, work_capacity_limitation)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (path_id, referral_id) DO NOTHING`,
        [referralId, pathId, service, legalBasis, referredOn, workCapacityLimitation ?? null],
      );
      return;
    }
    case 'PathExited':
      return closeReferrals(db, event.subject, event.data.exitedOn, 'PATH_EXITED', false);
    // A referral on the multisectoral-support basis does not rest on consent and stays open.
    case 'ConsentWithdrawn':
      return closeReferrals(db, event.subject, event.data.withdrawnAt.slice(0, 10), 'CONSENT_WITHDRAWN', true);
    case 'ConsentExpired':
      return closeReferrals(db, event.subject, event.data.expiredOn, 'CONSENT_EXPIRED', true);
    case 'SideServiceStarted': {
      const { serviceId, pathId, kind, startOn, plannedEndOn, daysPerWeek, hoursPerDay, reviewOn } = event.data;
      if (kind !== 'REHABILITATIVE_WORK_ACTIVITY') return;
      await db.query(
        `INSERT INTO rehab_periods (service_id, path_id, start_on, planned_end_on, days_per_week, hours_per_day, review_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (path_id, service_id) DO NOTHING`,
        [serviceId, pathId, startOn, plannedEndOn, daysPerWeek ?? null, hoursPerDay ?? null, reviewOn ?? null],
      );
      return;
    }
    // No row for the period is a normal case, not a lost event, so it stays a silent no-op (unlike
    // the municipal consumer's UNKNOWN_PATH): the topic carries a period's start and its end only
    // while the client has a wellbeing basis, judged at each event, so a period that started before
    // a consent was given ends here unannounced. The end alone cannot build a row (no start or
    // planned end), and dead-lettering it would fill the DLQ with traffic the contract allows.
    case 'SideServiceEnded':
      await db.query('UPDATE rehab_periods SET ended_on = $3 WHERE path_id = $1 AND service_id = $2 AND ended_on IS NULL', [event.subject, event.data.serviceId, event.data.endedOn]);
      return;
    default:
      return;
  }
}

// Closing nothing is normal too: a path, or a consent, need not have any referral.
async function closeReferrals(db: PoolClient, pathId: string, on: string, because: string, consentOnly: boolean): Promise<void> {
  await db.query(
    `UPDATE referrals SET closed_on = $2, closed_because = $3
     WHERE path_id = $1 AND closed_on IS NULL AND ($4 = false OR legal_basis = 'CONSENT')`,
    [pathId, on, because, consentOnly],
  );
}

// A path never changes area; the first event naming it is as good as any later one.
async function rememberArea(event: IntegrationEvent, db: PoolClient): Promise<void> {
  const area = (event.data as { employmentArea?: unknown }).employmentArea;
  if (typeof area !== 'string') return;
  await db.query('INSERT INTO path_areas (path_id, employment_area) VALUES ($1, $2) ON CONFLICT (path_id) DO NOTHING', [event.subject, area]);
}
