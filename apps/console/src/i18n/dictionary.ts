import type { DomainLabels } from './domain-labels';
import { DOMAIN_EN } from './domain.en';
import { DOMAIN_FI } from './domain.fi';
import { UI_EN } from './ui.en';
import { UI_FI, type UiKey } from './ui.fi';

export type Lang = 'fi' | 'en';
export const LANGS: readonly Lang[] = ['fi', 'en'];
export const DEFAULT_LANG: Lang = 'fi';

/** Everything the console says, per language; both are checked against the same key sets. */
export interface Dictionary extends DomainLabels {
  readonly ui: Readonly<Record<UiKey, string>>;
}

export const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = {
  fi: { ui: UI_FI, ...DOMAIN_FI },
  en: { ui: UI_EN, ...DOMAIN_EN },
};

export function parseLang(value: string | null | undefined): Lang {
  return value === 'en' || value === 'fi' ? value : DEFAULT_LANG;
}
