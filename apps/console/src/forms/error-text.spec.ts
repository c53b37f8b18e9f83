import { DICTIONARIES } from '../i18n/dictionary';
import { fieldText, summaryText } from './error-text';
import type { FieldDef } from './field-types';

const { fi, sv } = DICTIONARIES;
const serviceNeed: FieldDef = { name: 'serviceNeed', kind: 'textarea', required: true };
const plannedEnd: FieldDef = { name: 'plannedEndOn', kind: 'date', required: true };

describe('summaryText', () => {
  it('says what a domain code means in the user’s language and keeps the server’s words', () => {
    expect(summaryText({ code: 'VALIDATION.DATE_ORDER', message: 'plannedEndOn is before startOn' }, sv)).toEqual({
      text: 'Datumen är i fel ordning.',
      detail: 'plannedEndOn is before startOn',
    });
  });

  it('falls back to "could not be handled" for a code it does not know', () => {
    expect(summaryText({ code: 'TELEPORT.BROKEN', message: 'no' }, fi)).toEqual({ text: fi.ui.errorUnknown, detail: 'no' });
  });
});

describe('fieldText', () => {
  it('asks for an empty required field to be filled in', () => {
    expect(fieldText('VALIDATION.INVALID_BODY', ['Invalid input: expected string, received undefined'], serviceNeed, '  ', sv).text).toBe('Fyll i detta fält.');
  });

  it('names the rule a filled field broke', () => {
    expect(fieldText('VALIDATION.DATE_ORDER', ['must be after startOn'], plannedEnd, '2026-01-01', fi)).toEqual({ text: 'Päivämäärät ovat väärässä järjestyksessä.', detail: 'must be after startOn' });
  });

  it('asks to check a filled field refused by the schema, the server’s words as the detail', () => {
    expect(fieldText('VALIDATION.INVALID_BODY', ['Too big', 'Not a date'], plannedEnd, 'x', fi)).toEqual({ text: fi.ui.fieldInvalid, detail: 'Too big · Not a date' });
  });
});
