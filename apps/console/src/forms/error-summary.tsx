import type { ApiErrorBody } from '@polku/contracts';
import type { Ref } from 'react';
import { useI18n } from '../shell/i18n-context';
import { summaryText } from './error-text';
import { retryHintOf } from './retry-hint';

interface Props {
  readonly id: string;
  readonly error: ApiErrorBody | null;
  readonly unplaced: readonly string[];
  readonly ref?: Ref<HTMLDivElement>;
}

/**
 * The server's top-level answer in the user's language (its code, and its own message as the
 * detail) and issues no field of the form owns. Focusable, so a refusal with no field to blame
 * can take the focus.
 */
export function ErrorSummary({ id, error, unplaced, ref }: Props) {
  const { t, dict } = useI18n();
  if (!error) return null;
  const hint = retryHintOf(error.code);
  const { text, detail } = summaryText(error, dict);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} id={`${id}-error`} data-testid={`${id}-error`} data-code={error.code}>
      {hint && (
        <p className="retry-hint" data-testid={`${id}-retry`}>
          {t(hint)}
        </p>
      )}
      <p className="error-text">{text}</p>
      <p className="error-detail">
        {t('errorCode')} <code>{error.code}</code>:{' '}
        <span lang="en">{detail}</span>
      </p>
      {unplaced.length > 0 && (
        <ul lang="en">
          {unplaced.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
