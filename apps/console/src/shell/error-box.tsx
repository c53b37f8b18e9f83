import type { ApiErrorBody } from '@polku/contracts';
import { summaryText } from '../forms/error-text';
import { useI18n } from './i18n-context';

/** A failed load: what the code means in the user's language, the code, and the server's words. */
export function ErrorBox({ testId, error }: { readonly testId: string; readonly error: ApiErrorBody }) {
  const { t, dict } = useI18n();
  const { text, detail } = summaryText(error, dict);
  return (
    <div className="error-summary" role="alert" data-testid={testId} data-code={error.code}>
      <p className="error-text">{text}</p>
      <p className="error-detail">
        {t('errorCode')} <code>{error.code}</code>: <span lang="en">{detail}</span>
      </p>
    </div>
  );
}
