import { EXIT_OUTCOMES, type ExitOutcome } from '@polku/domain';

/** Moving to rehabilitation or a pension reveals health: audiences without a health basis get one category for both. */
const HEALTH_REVEALING = ['REHABILITATION', 'PENSION_OR_OTHER_LONG_TERM'] as const satisfies readonly ExitOutcome[];
type HealthRevealing = (typeof HEALTH_REVEALING)[number];

export type ExitOutcomeCategory = Exclude<ExitOutcome, HealthRevealing> | 'LONG_TERM_SOLUTION';

export function outcomeCategoryOf(outcome: ExitOutcome): ExitOutcomeCategory {
  return (HEALTH_REVEALING as readonly ExitOutcome[]).includes(outcome) ? 'LONG_TERM_SOLUTION' : (outcome as Exclude<ExitOutcome, HealthRevealing>);
}

/** Every category, in the order of the outcomes they come from. */
export const EXIT_OUTCOME_CATEGORIES = [...new Set(EXIT_OUTCOMES.map(outcomeCategoryOf))] as [ExitOutcomeCategory, ...ExitOutcomeCategory[]];
