import { useI18n } from '../shell/i18n-context';
import type { FieldDef } from './field-types';

interface Props {
  readonly id: string;
  readonly field: FieldDef;
  readonly value: string | boolean | undefined;
  readonly errors: readonly string[];
  readonly onChange: (value: string | boolean) => void;
}

/** One labelled input with the server's messages for it underneath. */
export function FieldInput({ id, field, value, errors, onChange }: Props) {
  const { dict, t } = useI18n();
  const inputId = `${id}-${field.name}`;
  const label = dict.fields[field.name] + (field.kind === 'list' ? ` (${t('listHint')})` : '');
  return (
    <div className={`field field-${field.kind}${errors.length > 0 ? ' invalid' : ''}`}>
      <label htmlFor={inputId}>
        {label}
        {field.required && field.kind !== 'checkbox' && <span className="required"> *</span>}
      </label>
      <Control inputId={inputId} field={field} value={value} invalid={errors.length > 0} onChange={onChange} />
      {errors.length > 0 && (
        <div className="field-error" data-testid={`${id}-error-${field.name}`}>
          {errors.join(' · ')}
        </div>
      )}
    </div>
  );
}

interface ControlProps {
  readonly inputId: string;
  readonly field: FieldDef;
  readonly value: string | boolean | undefined;
  readonly invalid: boolean;
  readonly onChange: (value: string | boolean) => void;
}

function Control({ inputId, field, value, invalid, onChange }: ControlProps) {
  const { dict, t } = useI18n();
  const common = { id: inputId, name: field.name, 'data-testid': inputId, 'aria-invalid': invalid };
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
