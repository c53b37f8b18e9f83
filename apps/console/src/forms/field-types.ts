import type { FieldName } from './field-names';
import type { OptionValue } from './options';

/** Where a field's first value comes from when the form opens. */
export type FieldDefault =
  | { readonly from: 'today' }
  | { readonly from: 'today+months'; readonly months: number }
  | { readonly from: 'me' }
  | { readonly from: 'new-id'; readonly prefix: string }
  /** The console's language: a document is most often written in the language the coach works in. */
  | { readonly from: 'lang' }
  | { readonly value: string | boolean };

interface FieldBase {
  /** Also the body key: dots nest (`organiser.name` → `{ organiser: { name } }`). */
  readonly name: FieldName;
  readonly required: boolean;
  readonly initial?: FieldDefault;
}

export type FieldDef =
  | (FieldBase & { readonly kind: 'text' | 'textarea' | 'date' | 'month' | 'list' })
  | (FieldBase & { readonly kind: 'number'; readonly min?: number; readonly max?: number })
  | (FieldBase & { readonly kind: 'select'; readonly options: readonly OptionValue[] })
  | (FieldBase & { readonly kind: 'number-select'; readonly options: readonly number[] })
  | (FieldBase & { readonly kind: 'checkbox' });

export type FieldKind = FieldDef['kind'];

/** What a form sends: the fields, and how their values become the request body. */
export interface FormDef {
  readonly fields: readonly FieldDef[];
  /** Issue paths a field answers for under another name (`about.trialId` → `about.id`). */
  readonly issueAliases?: Readonly<Record<string, FieldName>>;
  /** Reshapes the body after the fields are set (a discriminated union the fields cannot spell). */
  readonly shape?: (body: Record<string, unknown>) => Record<string, unknown>;
}

/** Text inputs hold strings, checkboxes booleans; the body mapping turns them into JSON. */
export type FormValues = Readonly<Record<string, string | boolean>>;
