import { checkbox, date, select, text } from './field-builders';
import type { FormDef } from './field-types';
import { KPI_SEGMENTS, PATH_STATUSES, REFERRAL_SOURCES, STAFF_ROLES, STAGES } from './options';


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

/** `GET /kpis?from=&to=&segment=&municipality=&asOf=`: any period (default: this month to date), a segment, as recorded by a date. */
export const KPI_FILTERS_FORM: FormDef = {
  fields: [
    date('from', false),
    date('to', false),
    { ...select('segment', KPI_SEGMENTS), initial: { value: 'all' } },
    text('municipality', false),
    date('asOf', false),
  ],
};

/** `GET /paths/{id}?asOf=`: the path as recorded by the end of a day. */
export const PATH_AS_OF_FORM: FormDef = { fields: [date('asOf', false)] };
