import type { KpiChange } from '@polku/contracts';
import type { Lang } from '../i18n/dictionary';
import { formatShare } from '../i18n/format';
import type { UiKey } from '../i18n/ui.fi';
import { countLabel, signed } from './kpi-data';

export type Figure = keyof KpiChange;
type Kind = 'people' | 'share' | 'days';

/** Every figure of an answer, in the order the tables show them, with its label and kind. */
export const FIGURES: readonly { readonly figure: Figure; readonly label: UiKey; readonly kind: Kind }[] = [
  { figure: 'clientsServed', label: 'colClientsServed', kind: 'people' },
  { figure: 'newClients', label: 'colNewClients', kind: 'people' },
  { figure: 'activeAtEnd', label: 'colActiveAtEnd', kind: 'people' },
  { figure: 'exits', label: 'colExits', kind: 'people' },
  { figure: 'goalAttainedClients', label: 'colGoalClients', kind: 'people' },
  { figure: 'goalAttainedShare', label: 'colGoalShare', kind: 'share' },
  { figure: 'interviewOnTimeShare', label: 'colInterviewOnTime', kind: 'share' },
  { figure: 'discussionOnTimeShare', label: 'colDiscussionOnTime', kind: 'share' },
  { figure: 'daysToPlanMedian', label: 'colDaysToPlanMedian', kind: 'days' },
  { figure: 'daysToPlanMean', label: 'colDaysToPlanMean', kind: 'days' },
  { figure: 'inWorkShare3', label: 'colInWork3', kind: 'share' },
  { figure: 'inWorkShare6', label: 'colInWork6', kind: 'share' },
  { figure: 'rehabDays', label: 'colRehabDays', kind: 'days' },
];

const LOCALES: Readonly<Record<Lang, string>> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export interface Formats {
  /** A figure as shown: "<5" for a suppressed count, "–" for a share or average not shown. */
  readonly value: (kind: Kind, value: number | null) => string;
  /** A change: people and days signed, shares in percentage points; "–" when not shown. */
  readonly change: (kind: Kind, value: number | null) => string;
}

export function formats(lang: Lang, suppressed: string, points: string): Formats {
  const number = (value: number) => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(value);
  return {
    value: (kind, value) => (kind === 'people' ? countLabel(value, suppressed) : kind === 'share' ? formatShare(value, lang) : value === null ? '–' : number(value)),
    change: (kind, value) => signed(value, (magnitude) => (kind === 'share' ? `${number(magnitude * 100)} ${points}` : number(magnitude))) ?? '–',
  };
}
