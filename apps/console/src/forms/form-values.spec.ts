import type { FormDef } from './field-types';
import { addMonths, buildBody, helsinkiDate, initialValues, toJson } from './form-values';

const form: FormDef = {
  fields: [
    { name: 'heldOn', kind: 'date', required: true, initial: { from: 'today' } },
    { name: 'serviceNeed', kind: 'textarea', required: true },
    { name: 'employmentPlan.applicationsPerMonth', kind: 'number', required: false, initial: { value: '4' } },
    { name: 'employmentPlan.goals', kind: 'list', required: false },
    { name: 'organiser.isCurrentEmployer', kind: 'checkbox', required: true },
    { name: 'trialId', kind: 'text', required: true, initial: { from: 'new-id', prefix: 'wt' } },
    { name: 'coachId', kind: 'text', required: true, initial: { from: 'me' } },
    { name: 'plannedEndOn', kind: 'date', required: true, initial: { from: 'today+months', months: 3 } },
    { name: 'language', kind: 'select', options: ['fi', 'sv', 'en'], required: true, initial: { from: 'lang' } },
  ],
};

describe('initialValues', () => {
  it('fills today, the user, a new id, a date months ahead, the console’s language and literal defaults', () => {
    expect(initialValues(form, { today: '2026-11-30', userId: 'coach.virtanen', newId: () => 'abc123', lang: 'sv' })).toEqual({
      heldOn: '2026-11-30',
      serviceNeed: '',
      'employmentPlan.applicationsPerMonth': '4',
      'employmentPlan.goals': '',
      'organiser.isCurrentEmployer': false,
      trialId: 'wt-abc123',
      coachId: 'coach.virtanen',
      plannedEndOn: '2027-02-28',
      language: 'sv',
    });
  });
});

describe('buildBody', () => {
  it('nests dotted names, splits lists by line and reads numbers and checkboxes', () => {
    const body = buildBody(form, {
      heldOn: '2026-01-05',
      serviceNeed: '  Työnhaun tuki ',
      'employmentPlan.applicationsPerMonth': '3',
      'employmentPlan.goals': 'Työkokeilu\n\n Palkkatuki \n',
      'organiser.isCurrentEmployer': true,
      trialId: 'wt-1',
      coachId: 'coach.virtanen',
      plannedEndOn: '2026-04-05',
    });
    expect(body).toEqual({
      heldOn: '2026-01-05',
      serviceNeed: 'Työnhaun tuki',
      employmentPlan: { applicationsPerMonth: 3, goals: ['Työkokeilu', 'Palkkatuki'] },
      organiser: { isCurrentEmployer: true },
      trialId: 'wt-1',
      coachId: 'coach.virtanen',
      plannedEndOn: '2026-04-05',
    });
  });

  it('leaves out empty fields, so an unused optional group is not sent at all', () => {
    expect(buildBody(form, { heldOn: '2026-01-05', 'employmentPlan.applicationsPerMonth': '', 'employmentPlan.goals': ' ' })).toEqual({
      heldOn: '2026-01-05',
      organiser: { isCurrentEmployer: false },
    });
  });

  it('reshapes the body when the form says so', () => {
    const shaped: FormDef = { ...form, shape: (body) => ({ wrapped: body }) };
    expect(buildBody(shaped, { heldOn: '2026-01-05' })).toEqual({ wrapped: { heldOn: '2026-01-05', organiser: { isCurrentEmployer: false } } });
  });
});

describe('toJson', () => {
  it('sends an empty required list as [] and an unreadable number as typed, for the server to name', () => {
    expect(toJson({ name: 'strengths', kind: 'list', required: true }, '')).toEqual([]);
    expect(toJson({ name: 'daysPerWeek', kind: 'number', required: true }, 'five')).toBe('five');
    expect(toJson({ name: 'rate', kind: 'number-select', options: [50, 70, 100], required: true }, '70')).toBe(70);
  });
});

describe('dates', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('takes today from Helsinki, not UTC', () => {
    expect(helsinkiDate(new Date('2026-01-04T22:30:00Z'))).toBe('2026-01-05');
    expect(helsinkiDate(new Date('2026-07-04T20:59:00Z'))).toBe('2026-07-04');
    expect(helsinkiDate(new Date('2026-07-04T21:00:00Z'))).toBe('2026-07-05');
  });
});
