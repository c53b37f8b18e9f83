import { checkbox, select, text } from './field-builders';
import type { FieldDef, FormDef } from './field-types';
import { PATH_STATUSES, REFERRAL_SOURCES, STAFF_ROLES, STAGES } from './options';

const month = (name: 'from' | 'to'): FieldDef => ({ name, kind: 'month', required: false });

/** Dev sign-in: `POST /dev-issuer/token` `{ userId, role, employmentArea }`. */
export const SIGN_IN_FORM: FormDef = {
  fields: [{ ...select('role', STAFF_ROLES), initial: { value: 'coach' } }, text('employmentArea', true, { value: 'Pirkanmaa' }), text('userId', true, { value: 'coach.virtanen' })],
};

/** `POST /paths` `{ identityCode, municipality, coachId, referralSource? }`. */
export const INTAKE_FORM: FormDef = {
  fields: [text('identityCode'), text('municipality'), text('coachId', true, { from: 'me' }), select('referralSource', REFERRAL_SOURCES, false)],
};

/** `GET /paths?stage=&status=&municipality=&overdue=true`. */
export const PATH_FILTERS_FORM: FormDef = {
  fields: [select('stage', STAGES, false), select('status', PATH_STATUSES, false), text('municipality', false), checkbox('overdue')],
};

/** `GET /kpis?from=YYYY-MM&to=YYYY-MM&municipality=`. */
export const KPI_FILTERS_FORM: FormDef = {
  fields: [month('from'), month('to'), text('municipality', false)],
};
