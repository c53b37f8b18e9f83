import { CommandBodies, type StaffCommandType } from './command-bodies';
import type { StaffRole } from './fields';

export interface StaffCommandSpec<T extends StaffCommandType = StaffCommandType> {
  /** The route segment: `POST /paths/{pathId}/{route}`. */
  readonly route: string;
  readonly type: T;
  readonly roles: readonly StaffRole[];
  readonly summary: string;
  readonly body: (typeof CommandBodies)[T];
}

const spec = <T extends StaffCommandType>(route: string, type: T, roles: readonly StaffRole[], summary: string): StaffCommandSpec<T> => ({
  route,
  type,
  roles,
  summary,
  body: CommandBodies[type],
});

const COACH = ['coach'] as const;
const DESK = ['intake', 'coach'] as const;
const COACH_AND_WELLBEING = ['coach', 'wellbeing'] as const;

/**
 * Every command staff may send, with who may send it (DOMAIN.md "Who uses Polku"). The internal
 * ones (StartPath has its own endpoint, FireScheduledItem is the workflow's) are not here.
 */
export const STAFF_COMMANDS: readonly StaffCommandSpec[] = [
  spec('hold-initial-interview', 'HoldInitialInterview', DESK, 'Hold the initial interview (and draft the employment plan)'),
  spec('record-employment-plan', 'RecordEmploymentPlan', DESK, 'Record or revise the employment plan'),
  spec('start-assessment', 'StartAssessment', COACH, 'Start the assessment'),
  spec('record-assessment', 'RecordAssessment', COACH, 'Record the assessment and the recommended next service'),
  spec('refer-to-wellbeing-service', 'ReferToWellbeingService', COACH, 'Refer the client to a wellbeing-county service'),
  spec('start-work-trial', 'StartWorkTrial', COACH, 'Start a work trial'),
  spec('extend-work-trial', 'ExtendWorkTrial', COACH, 'Extend the ongoing work trial'),
  spec('end-work-trial', 'EndWorkTrial', COACH, 'End the ongoing work trial'),
  spec('start-wage-subsidy', 'StartWageSubsidy', COACH, 'Start a wage subsidy'),
  spec('end-wage-subsidy', 'EndWageSubsidy', COACH, 'End the ongoing wage subsidy'),
  spec('start-side-service', 'StartSideService', COACH_AND_WELLBEING, 'Start coaching, an education trial, studies or rehabilitative work activity'),
  spec('end-side-service', 'EndSideService', COACH_AND_WELLBEING, 'End a side service'),
  spec('record-report', 'RecordReport', COACH_AND_WELLBEING, 'Record a start, mid or final report'),
  spec('hold-job-search-discussion', 'HoldJobSearchDiscussion', COACH, 'Record a job-search discussion'),
  spec('pause', 'PausePath', COACH, 'Pause the path'),
  spec('resume', 'ResumePath', COACH, 'Resume the paused path'),
  spec('reassign-coach', 'ReassignCoach', ['coach', 'manager'], 'Reassign the personal coach'),
  spec('exit', 'ExitPath', COACH, 'Exit the path with an outcome'),
  spec('record-follow-up', 'RecordFollowUp', COACH, 'Record a follow-up after the exit'),
  spec('reopen', 'ReopenPath', COACH, 'Reopen an exited path'),
  spec('record-consent', 'RecordConsent', DESK, "Record the client's written consent"),
  spec('withdraw-consent', 'WithdrawConsent', DESK, 'Record the withdrawal of a consent'),
  spec('migrate-policy', 'MigratePolicy', ['manager', 'admin'], 'Move the path to a newer policy version'),
];

const BY_ROUTE = new Map(STAFF_COMMANDS.map((command) => [command.route, command]));
const BY_TYPE = new Map<string, StaffCommandSpec>(STAFF_COMMANDS.map((command) => [command.type, command]));

export function staffCommandByRoute(route: string): StaffCommandSpec | undefined {
  return BY_ROUTE.get(route);
}

export function staffCommandByType(type: string): StaffCommandSpec | undefined {
  return BY_TYPE.get(type);
}
