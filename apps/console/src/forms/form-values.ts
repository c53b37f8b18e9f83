import type { FieldDef, FieldDefault, FormDef, FormValues } from './field-types';

export interface DefaultsContext {
  /** Today in Europe/Helsinki, `YYYY-MM-DD`. */
  readonly today: string;
  readonly userId: string;
  readonly newId: () => string;
  /** The console's language, the default language of a document. */
  readonly lang: string;
}

export function initialValues(form: FormDef, context: DefaultsContext): FormValues {
  return Object.fromEntries(form.fields.map((field) => [field.name, initialValue(field, context)]));
}

function initialValue(field: FieldDef, context: DefaultsContext): string | boolean {
  const initial: FieldDefault | undefined = field.initial;
  if (initial === undefined) return field.kind === 'checkbox' ? false : '';
  if ('value' in initial) return initial.value;
  switch (initial.from) {
    case 'today':
      return context.today;
    case 'today+months':
      return addMonths(context.today, initial.months);
    case 'me':
      return context.userId;
    case 'new-id':
      return `${initial.prefix}-${context.newId()}`;
    case 'lang':
      return context.lang;
  }
}

/**
 * The request body: each filled field set at its dotted name. Empty optional fields are left
 * out; empty required ones too, so the server's own validation names them (it is the one
 * validator, and its issues are shown next to the fields).
 */
export function buildBody(form: FormDef, values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of form.fields) {
    const value = toJson(field, values[field.name]);
    if (value !== undefined) setAt(body, field.name.split('.'), value);
  }
  return form.shape ? form.shape(body) : body;
}

export function toJson(field: FieldDef, raw: string | boolean | undefined): unknown {
  if (field.kind === 'checkbox') return raw === true;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (field.kind === 'list') {
    const items = text.split('\n').map((line) => line.trim()).filter(Boolean);
    return items.length > 0 || field.required ? items : undefined;
  }
  if (text === '') return undefined;
  if (field.kind === 'number' || field.kind === 'number-select') {
    const number = Number(text);
    // Not a number: sent as typed, so the server's issue for the field says what is wrong.
    return Number.isFinite(number) ? number : text;
  }
  return text;
}

function setAt(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  const [head, ...rest] = keys;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const child = target[head];
  const next = typeof child === 'object' && child !== null ? (child as Record<string, unknown>) : {};
  target[head] = next;
  setAt(next, rest, value);
}

/** `YYYY-MM-DD` plus whole months, the day clamped to the target month (31.1 + 1 → 28/29.2). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${targetYear}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

/** Today's date in Europe/Helsinki (day boundaries of the domain), from an injected instant. */
export function helsinkiDate(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
