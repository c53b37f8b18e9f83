import type { IdentityView, PathView } from '@polku/contracts';
import type { Lang } from '../i18n/dictionary';
import { formatDate } from '../i18n/format';
import { useI18n } from '../shell/i18n-context';

export function PathHeader({ path, identity }: { readonly path: PathView; readonly identity: IdentityView | null }) {
  const { t, dict, lang } = useI18n();
  return (
    <dl className="facts" data-testid="path-facts">
      <dt>{t('colStage')}</dt>
      <dd data-testid="path-stage" data-stage={path.stage}>
        {dict.options[path.stage] ?? path.stage}
      </dd>
      <dt>{t('colStatus')}</dt>
      <dd data-testid="path-status" data-status={path.status}>
        {dict.options[path.status] ?? path.status}
        {path.outcome && ` · ${dict.options[path.outcome] ?? path.outcome}`}
      </dd>
      <dt>{t('identity')}</dt>
      <dd data-testid="path-identity">{identityText(identity, t('identityErased'), lang)}</dd>
      <dt>{t('colMunicipality')}</dt>
      <dd>{path.municipality}</dd>
      <dt>{t('colCoach')}</dt>
      <dd>{path.coachId}</dd>
      <dt>{t('colRegistered')}</dt>
      <dd>{formatDate(path.registeredOn, lang)}</dd>
    </dl>
  );
}

function identityText(identity: IdentityView | null, erased: string, lang: Lang): string {
  if (!identity) return '–';
  return identity.status === 'HELD' ? identity.masked : `${erased} ${formatDate(identity.erasedAt, lang)}`;
}
