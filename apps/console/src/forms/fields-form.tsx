import type { ApiErrorBody } from '@polku/contracts';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { splitIssues } from '../api/field-issues';
import { useI18n } from '../shell/i18n-context';
import { useSession } from '../shell/session-context';
import { fieldText } from './error-text';
import { ErrorSummary } from './error-summary';
import { FieldInput } from './field-input';
import type { FormDef, FormValues } from './field-types';
import { buildBody, helsinkiDate, initialValues } from './form-values';

interface Props {
  /** Prefix of every data-testid in the form: `<id>-<field>`, `<id>-submit`, `<id>-error`. */
  readonly id: string;
  readonly form: FormDef;
  readonly submitLabel: string;
  /** Sends the body; answers the server's error to show inline, or null when it went through. */
  readonly onSubmit: (body: Record<string, unknown>) => Promise<ApiErrorBody | null>;
  readonly className?: string;
}

/** A form built from a field table; the server's `issues[].path` land next to their fields. */
export function FieldsForm({ id, form, submitLabel, onSubmit, className }: Props) {
  const { t, dict, lang } = useI18n();
  const { session, newKey } = useSession();
  const [values, setValues] = useState<FormValues>(() =>
    initialValues(form, { today: helsinkiDate(new Date()), userId: session?.me.userId ?? '', newId: () => newKey().slice(0, 8), lang }),
  );
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [pending, setPending] = useState(false);
  const refusals = useRefusalFocus();
  const fieldNames = useMemo(() => form.fields.map((field) => field.name), [form]);
  const issues = splitIssues(error, fieldNames, form.issueAliases);
  const hasRequired = form.fields.some((field) => field.required && field.kind !== 'checkbox');

  async function submit(event: FormEvent) {
    event.preventDefault();
    // aria-disabled, not disabled: a disabled button drops the keyboard focus to the page's start.
    if (pending) return;
    setPending(true);
    try {
      const answer = await onSubmit(buildBody(form, values));
      setError(answer);
      if (answer) refusals.refused();
    } finally {
      setPending(false);
    }
  }

  return (
    <form className={`fields-form ${className ?? ''}`} data-testid={`form-${id}`} onSubmit={submit} noValidate ref={refusals.formRef}>
      {hasRequired && <p className="hint required-legend">{t('requiredLegend')}</p>}
      {form.fields.map((field) => {
        const messages = issues.byField[field.name];
        return (
          <FieldInput
            key={field.name}
            id={id}
            field={field}
            value={values[field.name]}
            error={error && messages ? fieldText(error.code, messages, field, values[field.name], dict) : null}
            onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
          />
        );
      })}
      <ErrorSummary id={id} error={error} unplaced={issues.unplaced} ref={refusals.summaryRef} />
      <button type="submit" data-testid={`${id}-submit`} aria-disabled={pending}>
        {pending ? t('sending') : submitLabel}
      </button>
    </form>
  );
}

/**
 * After a refused submit the focus goes to the first field the server refused (WCAG 3.3.1), or
 * to the summary when no field is to blame: the user lands on what to fix, not on the button.
 */
function useRefusalFocus() {
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (count === 0) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? summaryRef.current)?.focus();
  }, [count]);
  return { formRef, summaryRef, refused: () => setCount((n) => n + 1) };
}
