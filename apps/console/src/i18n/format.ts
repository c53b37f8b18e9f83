import type { Lang } from './dictionary';

// Swedish as written in Finland (sv-FI): dates 5.1.2026 like Finnish, not Sweden's 2026-01-05.
const LOCALES: Readonly<Record<Lang, string>> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
/** Finnish and Finland-Swedish write months as numbers; English names them. */
const monthStyle = (lang: Lang) => (lang === 'en' ? 'short' : 'numeric');

/** A calendar date (`YYYY-MM-DD`): printed as is, never shifted by a time zone. */
export function formatDate(date: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  return new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: monthStyle(lang), year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))),
  );
}

/** An instant in Helsinki time (the domain's day boundaries). */
export function formatInstant(instant: string, lang: Lang): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(date);
}

/** `2026-03` or `2026-03-01` → "3.2026" (fi, sv) or "Mar 2026" (en). */
export function formatMonth(month: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(LOCALES[lang], { month: monthStyle(lang), year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatShare(share: number | null | undefined, lang: Lang): string {
  if (share === null || share === undefined) return '–';
  return new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
