import { LANG_NAMES, LANGS } from '../i18n/dictionary';
import { useI18n } from './i18n-context';

/**
 * "Suomi | Svenska | English": each language by its own name and marked as that language, so a
 * screen reader says it right whatever the page's language. The choice persists across reloads.
 */
export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <ul className="lang" aria-label={t('language')}>
      {LANGS.map((option) => (
        <li key={option}>
          <button type="button" className={`link${option === lang ? ' active' : ''}`} lang={option} aria-pressed={option === lang} data-testid={`lang-${option}`} onClick={() => setLang(option)}>
            {LANG_NAMES[option]}
          </button>
        </li>
      ))}
    </ul>
  );
}
