import { createContext, useContext, useEffect, useRef } from 'react';
import { useI18n } from './i18n-context';

/** True once the user has moved between pages; the first page of a load keeps the browser's focus. */
export const HeadingFocusContext = createContext(false);

/**
 * A page's h1, which also names the browser tab (WCAG 2.4.2). After a move to another page it
 * takes the focus, so keyboard and screen-reader users start at the new page's top instead of
 * on a link that no longer exists (WCAG 2.4.3); it is focusable by script only.
 */
export function PageHeading({ children }: { readonly children: string }) {
  const { t } = useI18n();
  const focusOnMount = useRef(useContext(HeadingFocusContext));
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount.current) ref.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${children} – ${t('appName')}`;
  }, [children, t]);
  return (
    <h1 tabIndex={-1} ref={ref} data-testid="page-heading">
      {children}
    </h1>
  );
}
