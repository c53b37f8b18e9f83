import type { MouseEvent } from 'react';
import { useI18n } from './i18n-context';

export const MAIN_ID = 'main';

/**
 * The first stop of the Tab key: past the nav to the page (WCAG 2.4.1). Routes live in the hash,
 * so following `#main` would change the route: the link moves the focus itself instead.
 */
export function SkipLink() {
  const { t } = useI18n();
  function skip(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  }
  return (
    <a className="skip-link" href={`#${MAIN_ID}`} onClick={skip} data-testid="skip-link">
      {t('skipToContent')}
    </a>
  );
}
