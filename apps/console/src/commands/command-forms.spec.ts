import { buildBody } from '../forms/form-values';
import { COMMAND_FORMS } from './command-forms';
import { COMMAND_NAMES, knownCommands, type CommandName } from './command-names';

/** The top-level body keys of each command in docs/staff-api.md ("?" ones included). */
const DOCUMENTED_KEYS: Readonly<Record<CommandName, readonly string[]>> = {
  'hold-initial-interview': ['heldOn', 'serviceNeed', 'employmentPlan', 'language'],
  'record-employment-plan': ['recordedOn', 'employmentPlan', 'language'],
  'start-assessment': ['startedOn'],
  'record-assessment': ['recordedOn', 'strengths', 'ownGoals', 'recommendedNextService'],
  'refer-to-wellbeing-service': ['referralId', 'service', 'legalBasis', 'referredOn', 'workCapacityLimitation'],
  'start-work-trial': ['trialId', 'organiser', 'tasks', 'goal', 'startOn', 'plannedEndOn', 'daysPerWeek', 'hoursPerDay', 'agreementReference', 'guide'],
  'extend-work-trial': ['plannedEndOn'],
  'end-work-trial': ['endedOn', 'result', 'organiserFeedback'],
  'start-wage-subsidy': ['subsidyId', 'employerBusinessId', 'employerKind', 'rate', 'workingTimePercent', 'startOn', 'endOn'],
  'end-wage-subsidy': ['endedOn'],
  'start-side-service': ['serviceId', 'kind', 'provider', 'startOn', 'plannedEndOn', 'daysPerWeek', 'hoursPerDay', 'reviewOn'],
  'end-side-service': ['serviceId', 'endedOn'],
  'record-rehabilitative-work-days': ['serviceId', 'month', 'realisedDays'],
  'record-report': ['about', 'kind', 'recordedOn', 'summary'],
  'hold-job-search-discussion': ['heldOn'],
  pause: ['reason'],
  resume: [],
  'reassign-coach': ['coachId'],
  exit: ['outcome', 'exitedOn', 'language'],
  'record-follow-up': ['months', 'inWorkOrStudy', 'recordedOn'],
  reopen: ['reopenedOn', 'reason'],
  'record-consent': ['consent'],
  'withdraw-consent': ['audience'],
  'migrate-policy': ['toVersion'],
};

describe('COMMAND_FORMS', () => {
  it.each(COMMAND_NAMES.map((name) => [name]))('%s edits exactly the documented body keys', (name) => {
    const topLevel = new Set(COMMAND_FORMS[name].fields.map((field) => field.name.split('.')[0]));
    expect([...topLevel].sort()).toEqual([...DOCUMENTED_KEYS[name]].sort());
  });

  it('builds the start-work-trial body of the contract, organiser nested', () => {
    const body = buildBody(COMMAND_FORMS['start-work-trial'], {
      trialId: 'wt-1',
      'organiser.name': 'Hämeen Puu Oy',
      'organiser.businessId': '1234567-1',
      'organiser.kind': 'COMPANY',
      'organiser.isCurrentEmployer': false,
      tasks: 'Varastotyö',
      goal: 'Työkyvyn kokeilu',
      startOn: '2026-02-02',
      plannedEndOn: '2026-04-30',
      daysPerWeek: '4',
      hoursPerDay: '6',
      agreementReference: 'TK-2026-17',
      guide: 'Liisa Lahtinen',
    });
    expect(body).toEqual({
      trialId: 'wt-1',
      organiser: { name: 'Hämeen Puu Oy', businessId: '1234567-1', kind: 'COMPANY', isCurrentEmployer: false },
      tasks: 'Varastotyö',
      goal: 'Työkyvyn kokeilu',
      startOn: '2026-02-02',
      plannedEndOn: '2026-04-30',
      daysPerWeek: 4,
      hoursPerDay: 6,
      agreementReference: 'TK-2026-17',
      guide: 'Liisa Lahtinen',
    });
  });

  it('sends the wage subsidy rate and the follow-up month as numbers', () => {
    expect(buildBody(COMMAND_FORMS['start-wage-subsidy'], { rate: '70', workingTimePercent: '80' })).toMatchObject({ rate: 70, workingTimePercent: 80 });
    expect(buildBody(COMMAND_FORMS['record-follow-up'], { months: '6', inWorkOrStudy: true, recordedOn: '2026-08-01' })).toEqual({ months: 6, inWorkOrStudy: true, recordedOn: '2026-08-01' });
  });

  it.each([
    ['COACHING', { type: 'COACHING', serviceId: 'ss-1' }],
    ['WORK_TRIAL', { type: 'WORK_TRIAL', trialId: 'ss-1' }],
  ])('keys the report subject id by its type (%s)', (type, about) => {
    const body = buildBody(COMMAND_FORMS['record-report'], { 'about.type': type, 'about.id': 'ss-1', kind: 'MID', recordedOn: '2026-03-01', summary: 'Hyvin menee' });
    expect(body).toEqual({ about, kind: 'MID', recordedOn: '2026-03-01', summary: 'Hyvin menee' });
  });

  it('sends an interview without a plan when the plan fields are empty', () => {
    expect(buildBody(COMMAND_FORMS['hold-initial-interview'], { heldOn: '2026-01-05', serviceNeed: 'Tuki', 'employmentPlan.applicationsPerMonth': '', 'employmentPlan.goals': '' })).toEqual({
      heldOn: '2026-01-05',
      serviceNeed: 'Tuki',
    });
  });

  it.each(['hold-initial-interview', 'record-employment-plan', 'exit'] as const)('%s records the language the document was written in, the console’s by default', (name) => {
    const language = COMMAND_FORMS[name].fields.find((field) => field.name === 'language');
    expect(language).toMatchObject({ kind: 'select', options: ['fi', 'sv', 'en'], initial: { from: 'lang' } });
    expect(buildBody(COMMAND_FORMS[name], { language: 'sv' })).toMatchObject({ language: 'sv' });
  });

  it('sends resume as an empty body', () => {
    expect(buildBody(COMMAND_FORMS.resume, {})).toEqual({});
  });
});

describe('knownCommands', () => {
  it('keeps the server order and sets apart commands without a form', () => {
    expect(knownCommands(['pause', 'teleport', 'exit'])).toEqual({ known: ['pause', 'exit'], unknown: ['teleport'] });
  });
});
