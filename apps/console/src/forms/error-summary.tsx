import type { ApiErrorBody } from '@polku/contracts';
import { useI18n } from '../shell/i18n-context';
import { retryHintOf } from './retry-hint';

/** The server's top-level answer (`code` and `message`) and issues no field of the form owns. */
export function ErrorSummary({ id, error, unplaced }: { readonly id: string; readonly error: ApiErrorBody | null; readonly unplaced: readonly string[] }) {
  const { t } = useI18n();
  if (!error) return null;
  const hint = retryHintOf(error.code);
  return (
    <div className="error-summary" role="alert" data-testid={`${id}-error`} data-code={error.code}>
      {hint && (
        <p className="retry-hint" data-testid={`${id}-retry`}>
          {t(hint)}
        </p>
      )}
      <code>{error.code}</code> {error.message}
      {unplaced.length > 0 && (
        <ul>
          {unplaced.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
