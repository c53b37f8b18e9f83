import type { FieldName } from './field-names';
import type { FieldDef } from './field-types';
import { DOCUMENT_LANGUAGES, type OptionValue } from './options';

// Short constructors so the form tables read as a list of fields, one a line.

export const TODAY = { from: 'today' } as const;

export const date = (name: FieldName, required = true, initial: FieldDef['initial'] = required ? TODAY : undefined): FieldDef => ({
  name,
  kind: 'date',
  required,
  ...(initial ? { initial } : {}),
});
export const text = (name: FieldName, required = true, initial?: FieldDef['initial']): FieldDef => ({ name, kind: 'text', required, ...(initial ? { initial } : {}) });
export const textarea = (name: FieldName, required = true): FieldDef => ({ name, kind: 'textarea', required });
export const list = (name: FieldName, required = true): FieldDef => ({ name, kind: 'list', required });
export const number = (name: FieldName, min: number, max: number, required = true, initial?: number): FieldDef => ({
  name,
  kind: 'number',
  min,
  max,
  required,
  ...(initial === undefined ? {} : { initial: { value: String(initial) } }),
});
export const select = (name: FieldName, options: readonly OptionValue[], required = true): FieldDef => ({ name, kind: 'select', options, required });
export const numberSelect = (name: FieldName, options: readonly number[]): FieldDef => ({ name, kind: 'number-select', options, required: true });
export const checkbox = (name: FieldName): FieldDef => ({ name, kind: 'checkbox', required: true });
/** The language of the client's document; recorded with it, so a Swedish plan is known to be one. */
export const documentLanguage = (): FieldDef => ({ ...select('language', DOCUMENT_LANGUAGES), initial: { from: 'lang' } });
export const newId = (name: FieldName, prefix: string): FieldDef => ({ name, kind: 'text', required: true, initial: { from: 'new-id', prefix } });
