import { FI_POLICY_VERSIONS } from '../policy/fi-default.policy';
import type { PolicyVersion } from '../policy/policy.types';
import { domainError } from '../shared/domain-error';
import { recordAssessment, referToWellbeingService, startAssessment } from './decisions/assessment.decision';
import { recordConsent, withdrawConsent } from './decisions/consent.decision';
import { fireScheduledItem } from './decisions/firing.decision';
import { holdInitialInterview, holdJobSearchDiscussion, recordEmploymentPlan, startPath } from './decisions/intake.decision';
import { exitPath, migratePolicy, pausePath, reassignCoach, recordFollowUp, reopenPath, resumePath } from './decisions/lifecycle.decision';
import { recordRehabilitativeWorkDays } from './decisions/rehabilitative-work-days.decision';
import { endSideService, recordReport, startSideService } from './decisions/side-service.decision';
import type { Decision } from './decisions/support';
import { endWageSubsidy, startWageSubsidy } from './decisions/wage-subsidy.decision';
import { endWorkTrial, extendWorkTrial, startWorkTrial } from './decisions/work-trial.decision';
import type { PathCommand, PathCommandType } from './path.commands';
import { type GatedType, refusal } from './path.gates';
import type { PathState, StartedPath } from './path.state';

export type { Decision } from './decisions/support';

type Handler<T extends PathCommandType> = (command: Extract<PathCommand, { type: T }>, state: StartedPath, catalogue: readonly PolicyVersion[]) => Decision;

/** Each runs after its command's gate (path.gates) passed, and decides on the command's data. */
const HANDLERS: { readonly [T in GatedType]: Handler<T> } = {
  HoldInitialInterview: holdInitialInterview,
  RecordEmploymentPlan: recordEmploymentPlan,
  StartAssessment: startAssessment,
  RecordAssessment: recordAssessment,
  ReferToWellbeingService: referToWellbeingService,
  StartWorkTrial: startWorkTrial,
  ExtendWorkTrial: extendWorkTrial,
  EndWorkTrial: endWorkTrial,
  StartWageSubsidy: startWageSubsidy,
  EndWageSubsidy: endWageSubsidy,
  StartSideService: startSideService,
  EndSideService: endSideService,
  RecordRehabilitativeWorkDays: recordRehabilitativeWorkDays,
  RecordReport: recordReport,
  HoldJobSearchDiscussion: holdJobSearchDiscussion,
  PausePath: pausePath,
  ResumePath: resumePath,
  ReassignCoach: reassignCoach,
  ExitPath: exitPath,
  RecordFollowUp: recordFollowUp,
  ReopenPath: reopenPath,
  RecordConsent: recordConsent,
  WithdrawConsent: withdrawConsent,
  MigratePolicy: migratePolicy,
  FireScheduledItem: fireScheduledItem,
};

/**
 * The service path's decider: the events a command causes in a state, or the domain error
 * that rejects it. Pure: time, ids and the actor come in the command.
 */
export function decide(command: PathCommand, state: PathState, catalogue: readonly PolicyVersion[] = FI_POLICY_VERSIONS): Decision {
  if (command.type === 'StartPath') return startPath(command, state, catalogue);
  if (state.status === 'NONE') return domainError('PATH.NOT_STARTED', 'The path has not been started.', { command: command.type });
  const refused = refusal(command, state);
  if (refused) return refused;
  const handler = HANDLERS[command.type] as Handler<typeof command.type>;
  return handler(command as never, state, catalogue);
}
