import type { ApiErrorBody } from '@polku/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { splitIssues } from '../api/field-issues';
import { useI18n } from '../shell/i18n-context';
import { useSession } from '../shell/session-context';
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
  const { t } = useI18n();
  const { session, newKey } = useSession();
  const [values, setValues] = useState<FormValues>(() =>
    initialValues(form, { today: helsinkiDate(new Date()), userId: session?.me.userId ?? '', newId: () => newKey().slice(0, 8) }),
  );
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [pending, setPending] = useState(false);
  const fieldNames = useMemo(() => form.fields.map((field) => field.name), [form]);
  const issues = splitIssues(error, fieldNames, form.issueAliases);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    try {
      setError(await onSubmit(buildBody(form, values)));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className={`fields-form ${className ?? ''}`} data-testid={`form-${id}`} onSubmit={submit} noValidate>
      {form.fields.map((field) => (
        <FieldInput
          key={field.name}
          id={id}
          field={field}
          value={values[field.name]}
          errors={issues.byField[field.name] ?? []}
          onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
        />
      ))}
      <ErrorSummary id={id} error={error} unplaced={issues.unplaced} />
      <button type="submit" data-testid={`${id}-submit`} disabled={pending}>
        {pending ? t('sending') : submitLabel}
      </button>
    </form>
  );
}
