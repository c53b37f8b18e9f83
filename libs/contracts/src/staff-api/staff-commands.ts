import type { StaffCommandType } from '@polku/domain';
import { CommandBodies } from './command-bodies';
import type { StaffRole } from './fields';

export interface StaffCommandSpec<T extends StaffCommandType = StaffCommandType> {
  /** The route segment: `POST /paths/{pathId}/{route}`. */
  readonly route: string;
  readonly type: T;
  readonly roles: readonly StaffRole[];
  readonly summary: string;
  readonly body: (typeof CommandBodies)[T];
}

type Row = readonly [route: string, roles: readonly StaffRole[], summary: string];

const COACH = ['coach'] as const;
const DESK = ['intake', 'coach'] as const;
const COACH_AND_WELLBEING = ['coach', 'wellbeing'] as const;

/**
 * Every command staff may send (the domain's staff command types, so a new command is a compile
 * error here), its route and who may send it (DOMAIN.md "Who uses Polku"), in the order the API
 * lists them.
 */
const ROWS: { readonly [T in StaffCommandType]: Row } = {
  HoldInitialInterview: ['hold-initial-interview', DESK, 'Hold the initial interview (and draft the employment plan)'],
  RecordEmploymentPlan: ['record-employment-plan', DESK, 'Record or revise the employment plan'],
  StartAssessment: ['start-assessment', COACH, 'Start the assessment'],
  RecordAssessment: ['record-assessment', COACH, 'Record the assessment and the recommended next service'],
  ReferToWellbeingService: ['refer-to-wellbeing-service', COACH, 'Refer the client to a wellbeing-county service'],
  StartWorkTrial: ['start-work-trial', COACH, 'Start a work trial'],
  ExtendWorkTrial: ['extend-work-trial', COACH, 'Extend the ongoing work trial'],
  EndWorkTrial: ['end-work-trial', COACH, 'End the ongoing work trial'],
  StartWageSubsidy: ['start-wage-subsidy', COACH, 'Start a wage subsidy'],
  EndWageSubsidy: ['end-wage-subsidy', COACH, 'End the ongoing wage subsidy'],
  StartSideService: ['start-side-service', COACH_AND_WELLBEING, 'Start coaching, an education trial, studies or rehabilitative work activity'],
  EndSideService: ['end-side-service', COACH_AND_WELLBEING, 'End a side service'],
  RecordRehabilitativeWorkDays: ['record-rehabilitative-work-days', COACH_AND_WELLBEING, 'Record the realised days of a rehabilitative work activity period in a month'],
  RecordReport: ['record-report', COACH_AND_WELLBEING, 'Record a start, mid or final report'],
  HoldJobSearchDiscussion: ['hold-job-search-discussion', COACH, 'Record a job-search discussion'],
  PausePath: ['pause', COACH, 'Pause the path'],
  ResumePath: ['resume', COACH, 'Resume the paused path'],
  ReassignCoach: ['reassign-coach', ['coach', 'manager'], 'Reassign the personal coach'],
  ExitPath: ['exit', COACH, 'Exit the path with an outcome'],
  RecordFollowUp: ['record-follow-up', COACH, 'Record a follow-up after the exit'],
  ReopenPath: ['reopen', COACH, 'Reopen an exited path'],
  RecordConsent: ['record-consent', DESK, "Record the client's written consent"],
  WithdrawConsent: ['withdraw-consent', DESK, 'Record the withdrawal of a consent'],
  MigratePolicy: ['migrate-policy', ['manager', 'admin'], 'Move the path to a newer policy version'],
};

/** The staff commands as the API serves them: `POST /paths/{pathId}/{route}` with the command's body. */
export const STAFF_COMMAND_SPECS: readonly StaffCommandSpec[] = (Object.keys(ROWS) as StaffCommandType[]).map((type) => {
  const [route, roles, summary] = ROWS[type];
  return { route, type, roles, summary, body: CommandBodies[type] };
});

const BY_ROUTE = new Map(STAFF_COMMAND_SPECS.map((command) => [command.route, command]));

export function staffCommandByRoute(route: string): StaffCommandSpec | undefined {
  return BY_ROUTE.get(route);
}
