import type { ApiErrorBody } from '@polku/contracts';
import type { Dictionary } from '../i18n/dictionary';
import type { FieldDef } from './field-types';

/** An error as the user reads it: the console's words in their language, the server's as detail. */
export interface ErrorText {
  readonly text: string;
  /** The server's own message (English): often more exact, kept so nothing is lost in translation. */
  readonly detail: string;
}

// A code answers for the whole request, not one field: next to a field it says too little.
const REQUEST_LEVEL = new Set(['VALIDATION.INVALID_BODY', 'VALIDATION.INVALID_QUERY']);

function textOfCode(code: string, dict: Dictionary): string | undefined {
  return (dict.errors as Readonly<Record<string, string>>)[code];
}

/** The form's summary: what the code means, else that the request failed. */
export function summaryText(error: ApiErrorBody, dict: Dictionary): ErrorText {
  return { text: textOfCode(error.code, dict) ?? dict.ui.errorUnknown, detail: error.message };
}

/**
 * The message next to a field the server named. An empty required field was left out of the
 * body on purpose (the server is the one validator), so the server's "expected string" means
 * "fill this in"; a domain rule about the field says what its code means; anything else asks the
 * user to check the field, with the server's words as the detail.
 */
export function fieldText(code: string, messages: readonly string[], field: FieldDef, value: string | boolean | undefined, dict: Dictionary): ErrorText {
  const detail = messages.join(' · ');
  const empty = field.kind !== 'checkbox' && (typeof value !== 'string' || value.trim() === '');
  if (empty && field.required) return { text: dict.ui.fieldRequired, detail };
  const known = REQUEST_LEVEL.has(code) ? undefined : textOfCode(code, dict);
  return { text: known ?? dict.ui.fieldInvalid, detail };
}
