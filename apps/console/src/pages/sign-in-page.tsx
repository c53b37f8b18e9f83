import type { DevTokenRequest } from '@polku/contracts';
import { FieldsForm } from '../forms/fields-form';
import { SIGN_IN_FORM } from '../forms/page-forms';
import { useI18n } from '../shell/i18n-context';
import { PageHeading } from '../shell/page-heading';
import { useSession } from '../shell/session-context';

/** Development sign-in through the API's dev issuer; a real deployment signs in through OIDC. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useSession();
  return (
    <section className="page narrow" data-testid="page-sign-in">
      <PageHeading>{t('signInTitle')}</PageHeading>
      <p className="hint">{t('signInHint')}</p>
      <FieldsForm id="sign-in" form={SIGN_IN_FORM} submitLabel={t('signInSubmit')} onSubmit={(body) => signIn(body as unknown as DevTokenRequest)} />
    </section>
  );
}
