import fc from 'fast-check';
import { type DomainError, isDomainError } from '../shared/domain-error';
import { availableCommands } from './path.availability';
import type { PathCommandType } from './path.commands';
import { decide } from './path.decider';
import { evolve } from './path.evolve';
import { initialPathState, type PathState } from './path.state';
import { firstInstant, type Knobs, knobs, RUNS, saneKnobs, SEED, steps, toCommand, TYPES } from './testing/path-arbitraries';
import * as f from './testing/path-fixtures';
import { STATES, STEP } from './testing/path-fixtures';

const S = STEP;
const coaching = f.startSideService('2026-01-20', '2026-06-30', { serviceId: 'ss-c', kind: 'INDIVIDUAL_COACHING' });
const educationTrial = f.startSideService('2026-01-20', '2026-01-23', { serviceId: 'ss-e' });

/** The fixture states of the decider tables, and a few that only availability tells apart. */
const PATHS = {
  ...STATES,
  INTAKE_WITHOUT_CONSENT: [f.startPath('2026-01-07')],
  EDUCATION_TRIAL_ONGOING: [...STATES.ASSESSMENT_STARTED, educationTrial],
  COACHING_ONGOING: [...STATES.ASSESSMENT_STARTED, coaching],
  COACHING_ENDED: [...STATES.ASSESSMENT_STARTED, coaching, f.endSideService('2026-03-02', 'ss-c')],
  REOPENED: [...STATES.EXITED, f.reopenPath('2026-11-02')],
  EXITED_AFTER_INTAKE: [S.start, S.interview, f.exitPath('2026-01-14')],
};

const HOUSEKEEPING: readonly PathCommandType[] = ['MigratePolicy', 'ReassignCoach', 'RecordConsent', 'WithdrawConsent'];
/** Paused or exited: housekeeping, and what leads back. */
const withHousekeeping = (...types: PathCommandType[]) => [...HOUSEKEEPING, ...types].sort();

const EXPECTED: Record<keyof typeof PATHS, readonly PathCommandType[]> = {
  NONE: [],
  INTAKE: ['ExitPath', 'HoldInitialInterview', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordConsent', 'WithdrawConsent'],
  INTAKE_WITHOUT_CONSENT: ['ExitPath', 'HoldInitialInterview', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordConsent'],
  INTERVIEWED: ['ExitPath', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordConsent', 'RecordEmploymentPlan', 'StartAssessment', 'WithdrawConsent'],
  ASSESSMENT_STARTED: [
    'ExitPath', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordAssessment', 'RecordConsent', 'RecordEmploymentPlan',
    'ReferToWellbeingService', 'StartSideService', 'WithdrawConsent',
  ],
  ASSESSMENT_RECORDED: [
    'ExitPath', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordConsent', 'RecordEmploymentPlan', 'ReferToWellbeingService',
    'StartSideService', 'StartWageSubsidy', 'StartWorkTrial', 'WithdrawConsent',
  ],
  EDUCATION_TRIAL_ONGOING: [
    'EndSideService', 'ExitPath', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordAssessment', 'RecordConsent', 'RecordEmploymentPlan',
    'ReferToWellbeingService', 'StartSideService', 'WithdrawConsent',
  ],
  COACHING_ONGOING: [
    'EndSideService', 'ExitPath', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordAssessment', 'RecordConsent', 'RecordEmploymentPlan',
    'RecordReport', 'ReferToWellbeingService', 'StartSideService', 'WithdrawConsent',
  ],
  COACHING_ENDED: [
    'ExitPath', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordAssessment', 'RecordConsent', 'RecordEmploymentPlan', 'RecordReport',
    'ReferToWellbeingService', 'StartSideService', 'WithdrawConsent',
  ],
  WORK_TRIAL_ONGOING: [
    'EndWorkTrial', 'ExtendWorkTrial', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordConsent', 'RecordEmploymentPlan', 'RecordReport',
    'ReferToWellbeingService', 'StartSideService', 'WithdrawConsent',
  ],
  WORK_TRIAL_ENDED: [
    'ExitPath', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordConsent', 'RecordEmploymentPlan', 'RecordReport', 'ReferToWellbeingService',
    'StartSideService', 'StartWageSubsidy', 'StartWorkTrial', 'WithdrawConsent',
  ],
  WAGE_SUBSIDY_ONGOING: [
    'EndWageSubsidy', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordConsent', 'RecordEmploymentPlan', 'RecordReport',
    'ReferToWellbeingService', 'StartSideService', 'WithdrawConsent',
  ],
  WAGE_SUBSIDY_ENDED: [
    'ExitPath', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordConsent', 'RecordEmploymentPlan', 'RecordReport', 'ReferToWellbeingService',
    'StartSideService', 'StartWageSubsidy', 'WithdrawConsent',
  ],
  PAUSED: withHousekeeping('ResumePath'),
  EXITED: withHousekeeping('RecordFollowUp', 'ReopenPath'),
  EXITED_AFTER_INTAKE: withHousekeeping('RecordFollowUp', 'ReopenPath'),
  // Reopened: planning starts again at intake with the interview held; the old trial still takes its reports.
  REOPENED: [
    'ExitPath', 'HoldJobSearchDiscussion', 'MigratePolicy', 'PausePath', 'ReassignCoach', 'RecordConsent', 'RecordEmploymentPlan', 'RecordReport', 'StartAssessment',
    'WithdrawConsent',
  ],
};

describe('availableCommands: the console forms for a state', () => {
  it.each(Object.entries(EXPECTED))('in %s: exactly %j', (name, expected) => {
    const state = f.given(...PATHS[name as keyof typeof PATHS]).state;
    const before = structuredClone(state);
    expect(availableCommands(state)).toEqual(expected);
    expect(state).toEqual(before);
  });

  it('never offers the internal commands', () => {
    const offered = Object.values(PATHS).flatMap((commands) => availableCommands(f.given(...commands).state));
    expect(offered).not.toContain('StartPath');
    expect(offered).not.toContain('FireScheduledItem');
  });
});

// The errors of the gates `decide` runs before a handler: state-only, whatever the data.
const GATE_CODES: readonly DomainError['code'][] = ['PATH.INVALID_TRANSITION', 'PATH.PAUSED', 'PATH.NOT_PAUSED', 'PATH.NOT_STARTED', 'WORK_TRIAL.NOT_ONGOING', 'WAGE_SUBSIDY.NOT_ONGOING'];
const ALREADY_BY_GATE: readonly PathCommandType[] = ['HoldInitialInterview', 'RecordAssessment'];
const byGate = (type: PathCommandType, error: DomainError) => GATE_CODES.includes(error.code) || (error.code === 'PATH.ALREADY_IN_THAT_STATE' && ALREADY_BY_GATE.includes(type));
const STAFF_TYPES = TYPES.filter((type) => type !== 'StartPath' && type !== 'FireScheduledItem');

interface Tally {
  readonly accepted: Set<PathCommandType>;
  refusedByGate: number;
}

/**
 * A third of the staff commands, in turn, in one state: decide and availability agree. Each
 * decision plans deadlines, so probing all of them in every state would take minutes.
 */
function expectAgreement(state: PathState, at: number, probes: readonly Knobs[], round: number, tally: Tally): void {
  const available = availableCommands(state);
  STAFF_TYPES.filter((_, index) => (index + round) % 3 === 0).forEach((type, index) => {
    const probe = probes[(round + index) % probes.length] as Knobs;
    const { command } = toCommand({ gapMinutes: 0, kind: type, knobs: (round + index) % 2 === 0 ? saneKnobs(probe) : probe }, state, at);
    const decision = decide(command, state);
    const seen = { type, status: state.status, available: available.includes(type) };
    if (isDomainError(decision) && byGate(type, decision)) {
      expect({ ...seen, code: decision.code }).toEqual({ ...seen, available: false, code: decision.code });
      tally.refusedByGate += 1;
    }
    if (!isDomainError(decision)) {
      expect({ ...seen, accepted: true }).toEqual({ ...seen, available: true, accepted: true });
      tally.accepted.add(type);
    }
  });
}

describe('availableCommands agrees with decide over random paths', () => {
  it('offers no command that a gate refuses, and every command it leaves out is refused whatever its data', () => {
    const tally: Tally = { accepted: new Set(), refusedByGate: 0 };
    fc.assert(
      fc.property(firstInstant, steps, fc.array(knobs, { minLength: 4, maxLength: 4 }), (first, sequence, probes) => {
        let state: PathState = initialPathState;
        let probed: PathState | undefined;
        let round = 0;
        let now = first;
        for (const next of sequence) {
          const made = toCommand(next, state, now + next.gapMinutes * 60_000);
          now = made.now;
          // A rejected command leaves the state as it was: probe each state once.
          if (state !== probed) expectAgreement(state, now, probes, round++, tally);
          probed = state;
          const decision = decide(made.command, state);
          if (!isDomainError(decision)) state = decision.reduce(evolve, state);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Vacuous unless the probes reach the gates and get every staff command accepted somewhere.
    expect(tally.refusedByGate).toBeGreaterThan(RUNS * 10);
    expect([...tally.accepted].sort()).toEqual([...STAFF_TYPES].sort());
  });
});
