import type { PathEventType, RuleId, ScheduledItemKind } from '@polku/domain';
import type { CommandName } from '../commands/command-names';
import type { FieldName } from '../forms/field-names';
import type { OptionValue } from '../forms/options';
import type { ErrorCode } from './error-codes';

/** Labels of domain terms: a `Record` over each union, so a new term without a label is a type error. */
export interface DomainLabels {
  readonly commands: Readonly<Record<CommandName, string>>;
  readonly fields: Readonly<Record<FieldName, string>>;
  readonly options: Readonly<Record<OptionValue, string>>;
  readonly events: Readonly<Record<PathEventType, string>>;
  readonly rules: Readonly<Record<RuleId, string>>;
  readonly kinds: Readonly<Record<ScheduledItemKind, string>>;
  /** What each stable error code means; the server's own message is only its detail. */
  readonly errors: Readonly<Record<ErrorCode, string>>;
}

/** The label of a code the API types as a plain string (rule, event type, stage); an unknown code shows as itself. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}
