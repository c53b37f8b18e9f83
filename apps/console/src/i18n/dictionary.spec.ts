import { COMMAND_FORMS } from '../commands/command-forms';
import { COMMAND_NAMES } from '../commands/command-names';
import type { FieldDef } from '../forms/field-types';
import { INTAKE_FORM, KPI_FILTERS_FORM, PATH_AS_OF_FORM, PATH_FILTERS_FORM, SIGN_IN_FORM } from '../forms/page-forms';
import { KPI_SMALLEST_SHOWN } from '@polku/contracts';
import { DICTIONARIES, LANGS, parseLang, withFacts, type Dictionary } from './dictionary';

const SECTIONS = ['ui', 'commands', 'fields', 'options', 'events', 'rules', 'kinds', 'errors', 'statement'] as const satisfies readonly (keyof Dictionary)[];
/** Names and marks that read the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(['Polku', `<${KPI_SMALLEST_SHOWN}`, '—', 'Kela', 'Status']);
const ALL_FIELDS: readonly FieldDef[] = [SIGN_IN_FORM, INTAKE_FORM, PATH_FILTERS_FORM, KPI_FILTERS_FORM, PATH_AS_OF_FORM, ...Object.values(COMMAND_FORMS)].flatMap((form) => form.fields);

// The types make a missing key a compile error; these catch what a cast or a spread could slip past.
describe('dictionaries', () => {
  it.each(SECTIONS.map((section) => [section]))('%s: every language has the same keys as Finnish, none blank', (section) => {
    const finnish = Object.keys(DICTIONARIES.fi[section]).sort();
    for (const lang of LANGS) {
      const texts = DICTIONARIES[lang][section] as Readonly<Record<string, string>>;
      expect(Object.keys(texts).sort()).toEqual(finnish);
      expect(Object.entries(texts).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('labels every field and select option any form shows, in every language', () => {
    for (const lang of LANGS) {
      const { fields, options } = DICTIONARIES[lang];
      expect(ALL_FIELDS.filter((field) => !fields[field.name])).toEqual([]);
      const values = ALL_FIELDS.flatMap((field) => (field.kind === 'select' ? field.options : []));
      expect(values.filter((value) => !options[value])).toEqual([]);
    }
  });

  it('titles every command', () => {
    for (const lang of LANGS) expect(COMMAND_NAMES.filter((name) => !DICTIONARIES[lang].commands[name])).toEqual([]);
  });

  it('names the small-cell threshold the API publishes, and leaves no placeholder unfilled', () => {
    for (const lang of LANGS) {
      const { ui } = DICTIONARIES[lang];
      expect(ui.suppressedCount).toBe(`<${KPI_SMALLEST_SHOWN}`);
      expect(ui.kpiSmallCells).toContain(`<${KPI_SMALLEST_SHOWN} `);
      const unfilled = SECTIONS.flatMap((section) => Object.entries(DICTIONARIES[lang][section] as Readonly<Record<string, string>>).filter(([, text]) => /\{\w+\}/.test(text)).map(([key]) => `${section}.${key}`));
      expect(unfilled).toEqual([]);
    }
  });

  it('fills a known placeholder everywhere in a text and leaves an unknown one as written', () => {
    expect(withFacts({ a: '<{smallestShown} = under {smallestShown}', b: '{unknown}' })).toEqual({ a: `<${KPI_SMALLEST_SHOWN} = under ${KPI_SMALLEST_SHOWN}`, b: '{unknown}' });
  });

  it('speaks Finnish unless Swedish or English was chosen', () => {
    expect([parseLang('en'), parseLang('sv'), parseLang('fi'), parseLang(null), parseLang('de')]).toEqual(['en', 'sv', 'fi', 'fi', 'fi']);
  });

  // A text copied over from Finnish (or English) and never translated passes the key check above.
  it.each(LANGS.filter((lang) => lang !== 'fi').map((lang) => [lang]))('%s: no text is left in Finnish', (lang) => {
    const copied = SECTIONS.flatMap((section) => {
      const finnish = DICTIONARIES.fi[section] as Readonly<Record<string, string>>;
      const texts = DICTIONARIES[lang][section] as Readonly<Record<string, string>>;
      return Object.keys(finnish).filter((key) => texts[key] === finnish[key] && !SAME_IN_EVERY_LANGUAGE.has(finnish[key] ?? '')).map((key) => `${section}.${key}`);
    });
    expect(copied).toEqual([]);
  });
});
