import { useI18n } from '../shell/i18n-context';
import type { ErrorText } from './error-text';
import type { FieldDef } from './field-types';

interface Props {
  readonly id: string;
  readonly field: FieldDef;
  readonly value: string | boolean | undefined;
  /** The server's refusal of this field, in the user's words; null while it has none. */
  readonly error: ErrorText | null;
  readonly onChange: (value: string | boolean) => void;
}

/** The element ids of a field's control and its message, shared with the form's focus handling. */
export const controlId = (formId: string, field: FieldDef) => `${formId}-${field.name}`;
const errorId = (inputId: string) => `${inputId}-message`;

// Only the user's own sign-in name is about the user (WCAG 1.3.5); everything else describes the client.
const AUTOCOMPLETE: Partial<Record<FieldDef['name'], string>> = { userId: 'username', identityCode: 'off' };

/** One labelled input with the server's message for it underneath, tied to it by aria-describedby. */
export function FieldInput({ id, field, value, error, onChange }: Props) {
  const { dict, t } = useI18n();
  const inputId = controlId(id, field);
  const label = dict.fields[field.name] + (field.kind === 'list' ? ` (${t('listHint')})` : '');
  return (
    <div className={`field field-${field.kind}${error ? ' invalid' : ''}`}>
      <label htmlFor={inputId}>
        {label}
        {field.required && field.kind !== 'checkbox' && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      <Control inputId={inputId} field={field} value={value} describedBy={error ? errorId(inputId) : undefined} onChange={onChange} />
      {error && (
        <div className="field-error" id={errorId(inputId)} data-testid={`${id}-error-${field.name}`}>
          {error.text}{' '}
          <span className="detail" lang="en">
            {error.detail}
          </span>
        </div>
      )}
    </div>
  );
}

interface ControlProps {
  readonly inputId: string;
  readonly field: FieldDef;
  readonly value: string | boolean | undefined;
  readonly describedBy: string | undefined;
  readonly onChange: (value: string | boolean) => void;
}

function Control({ inputId, field, value, describedBy, onChange }: ControlProps) {
  const { dict, t } = useI18n();
  const common = {
    id: inputId,
    name: field.name,
    'data-testid': inputId,
    'aria-invalid': describedBy !== undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required && field.kind !== 'checkbox' ? true : undefined,
    autoComplete: AUTOCOMPLETE[field.name],
  };
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'checkbox':
      return <input {...common} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
    case 'textarea':
    case 'list':
      return <textarea {...common} rows={field.kind === 'list' ? 3 : 2} value={text} onChange={(event) => onChange(event.target.value)} />;
    case 'select':
    case 'number-select':
      return (
        <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
          <option value="">{field.required ? t('choose') : t('empty')}</option>
          {field.kind === 'select'
            ? field.options.map((option) => <option key={option} value={option}>{dict.options[option]}</option>)
            : field.options.map((option) => <option key={option} value={String(option)}>{option}</option>)}
        </select>
      );
    case 'number':
      return <input {...common} type="number" min={field.min} max={field.max} value={text} onChange={(event) => onChange(event.target.value)} />;
    default:
      return <input {...common} type={field.kind === 'text' ? 'text' : field.kind} value={text} onChange={(event) => onChange(event.target.value)} />;
  }
}
