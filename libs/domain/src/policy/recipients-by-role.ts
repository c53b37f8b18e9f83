import type { StaffRole } from '../path/path.types';
import type { Recipient } from './policy.types';

/**
 * Who reads which recipient's notifications (DOMAIN.md "Who uses Polku"). A coach's own
 * reminders (`COACH`) are addressed to them by user id, so no role reads them as a group.
 */
export const RECIPIENTS_READ_BY_ROLE: Readonly<Record<StaffRole, readonly Exclude<Recipient, 'COACH'>[]>> = {
  intake: [],
  coach: ['MULTISECTORAL_TEAM'],
  wellbeing: ['WELLBEING_COUNTY_LEAD', 'MULTISECTORAL_TEAM'],
  manager: ['TEAM_LEAD', 'CONTRACT_MANAGER'],
  admin: [],
};
