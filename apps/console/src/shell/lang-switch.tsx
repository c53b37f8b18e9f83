import { LANGS } from '../i18n/dictionary';
import { useI18n } from './i18n-context';

/** "FI | EN": the chosen language persists across reloads. */
export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <span className="lang" role="group" aria-label={t('language')}>
      {LANGS.map((option, index) => (
        <span key={option}>
          {index > 0 && <span className="sep"> | </span>}
          <button type="button" className={`link${option === lang ? ' active' : ''}`} aria-pressed={option === lang} data-testid={`lang-${option}`} onClick={() => setLang(option)}>
            {option.toUpperCase()}
          </button>
        </span>
      ))}
    </span>
  );
}
