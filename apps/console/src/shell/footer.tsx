import { hrefFor } from '../routing/routes';
import { useI18n } from './i18n-context';

/** On every page, signed in or not: the law wants the accessibility statement one step away. */
export function Footer() {
  const { t } = useI18n();
  return (
    <footer className="footer">
      <a href={hrefFor({ page: 'accessibility' })} data-testid="footer-accessibility">
        {t('navAccessibility')}
      </a>
    </footer>
  );
}
