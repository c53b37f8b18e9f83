import { helsinkiDateOf, type LocalDate } from '@polku/domain';

/**
 * SQL: the path in `pathColumn` may be shown to wellbeing-county staff on the date bound to
 * `dateParam`. The window is the domain's `wellbeingSharingWindow`, kept per path by the
 * path-summaries projection, so lists, deadlines and notifications agree with the path page and
 * with what Kafka carries (`mayShareWithWellbeing`).
 */
export function sharedWithWellbeing(pathColumn: string, dateParam: string): string {
  return `EXISTS (SELECT 1 FROM path_summaries w WHERE w.path_id = ${pathColumn}
    AND w.wellbeing_shared_from <= ${dateParam}::date AND (w.wellbeing_shared_until IS NULL OR ${dateParam}::date < w.wellbeing_shared_until))`;
}

/** Today in Helsinki: the day sharing is judged on. */
export function helsinkiToday(): LocalDate {
  return helsinkiDateOf(new Date().toISOString());
}
