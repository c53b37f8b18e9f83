import type { StartPathBody } from '@polku/contracts';
import { FieldsForm } from '../forms/fields-form';
import { INTAKE_FORM } from '../forms/page-forms';
import { useI18n } from '../shell/i18n-context';
import { PageHeading } from '../shell/page-heading';
import { navigate } from '../shell/router';
import { useSession } from '../shell/session-context';

/** Registers a client and starts their path; the identity code is typed here and nowhere else. */
export function IntakePage() {
  const { t } = useI18n();
  const { api } = useSession();
  async function start(body: Record<string, unknown>) {
    const answer = await api.startPath(body as unknown as StartPathBody);
    if (!answer.ok) return answer.error;
    navigate({ page: 'path', pathId: answer.data.pathId });
    return null;
  }
  return (
    <section className="page narrow" data-testid="page-intake">
      <PageHeading>{t('intakeTitle')}</PageHeading>
      <p className="hint">{t('intakeHint')}</p>
      <FieldsForm id="intake" form={INTAKE_FORM} submitLabel={t('intakeSubmit')} onSubmit={start} />
    </section>
  );
}
