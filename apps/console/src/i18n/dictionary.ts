import { KPI_SMALLEST_SHOWN } from '@polku/contracts';
import type { DomainLabels } from './domain-labels';
import { DOMAIN_EN } from './domain.en';
import { DOMAIN_FI } from './domain.fi';
import { DOMAIN_SV } from './domain.sv';
import { STATEMENT_EN } from './statement.en';
import { STATEMENT_FI, type StatementKey } from './statement.fi';
import { STATEMENT_SV } from './statement.sv';
import { UI_EN } from './ui.en';
import { UI_FI, type UiKey } from './ui.fi';
import { UI_SV } from './ui.sv';

/** Finnish and Swedish, the national languages (Language Act 423/2003), and English. */
export type Lang = 'fi' | 'sv' | 'en';
export const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];
export const DEFAULT_LANG: Lang = 'fi';

/** Each language by its own name: the switch is read by someone who may not know the current one. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

/** Everything the console says, per language; all are checked against the same key sets. */
export interface Dictionary extends DomainLabels {
  readonly ui: Readonly<Record<UiKey, string>>;
  /** The accessibility statement's prose (pages/accessibility-page.tsx). */
  readonly statement: Readonly<Record<StatementKey, string>>;
}

/**
 * Figures a text names but does not own, filled in where the text says `{name}`: the small-cell
 * threshold is the API's (KPI_SMALLEST_SHOWN), so a text never restates it.
 */
const FACTS: Readonly<Record<string, string>> = { smallestShown: String(KPI_SMALLEST_SHOWN) };

export function withFacts<K extends string>(texts: Readonly<Record<K, string>>): Readonly<Record<K, string>> {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (placeholder, name: string) => FACTS[name] ?? placeholder);
  return Object.fromEntries(Object.entries<string>(texts).map(([key, text]) => [key, fill(text)])) as Record<K, string>;
}

export const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = {
  fi: { ui: withFacts(UI_FI), statement: STATEMENT_FI, ...DOMAIN_FI },
  sv: { ui: withFacts(UI_SV), statement: STATEMENT_SV, ...DOMAIN_SV },
  en: { ui: withFacts(UI_EN), statement: STATEMENT_EN, ...DOMAIN_EN },
};

export function parseLang(value: string | null | undefined): Lang {
  return LANGS.find((lang) => lang === value) ?? DEFAULT_LANG;
}
