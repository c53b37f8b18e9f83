import { FieldsForm } from '../forms/fields-form';
import { PATH_AS_OF_FORM } from '../forms/page-forms';
import { formatDate } from '../i18n/format';
import { useI18n } from '../shell/i18n-context';

/**
 * Shows the path as the events recorded up to the end of a chosen day had it (`?asOf=`), so a
 * state reported earlier can be seen again; a past state is marked as such and offers no actions.
 */
export function AsOfPicker({ asOf, onChange }: { readonly asOf: string | null; readonly onChange: (asOf: string | undefined) => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="as-of">
      <FieldsForm
        id="path-as-of"
        className="inline"
        form={PATH_AS_OF_FORM}
        submitLabel={t('caseloadView')}
        onSubmit={async (body) => {
          onChange(typeof body['asOf'] === 'string' ? body['asOf'] : undefined);
          return null;
        }}
      />
      {asOf !== null && (
        <p className="as-of-note" role="status" data-testid="path-as-of-note">
          <strong>{`${t('pathAsOfTitle')} ${formatDate(asOf, lang)}`}</strong> {t('pathAsOfNote')}{' '}
          <button type="button" className="link" data-testid="path-as-of-current" onClick={() => onChange(undefined)}>
            {t('showCurrent')}
          </button>
        </p>
      )}
    </div>
  );
}
