import { CONSENT_AUDIENCES, EXIT_OUTCOMES, PATH_STATUSES, PAUSE_REASONS, SCHEDULED_ITEM_KINDS, SIDE_SERVICE_KINDS, STAGES, type PathEvent, type PathState, type StartedPath } from '@polku/domain';
import { z } from 'zod';

const dateField = z.iso.date();
const instant = z.iso.datetime({ offset: true });

export const ScheduledItemViewSchema = z.object({
  itemId: z.string(),
  rule: z.string(),
  kind: z.enum(SCHEDULED_ITEM_KINDS),
  subject: z.string(),
  dueOn: dateField,
  dueAt: instant,
  notify: z.string(),
});

/** A started path as staff see it: the state without the policy's rule book, items in due order. */
export const PathViewSchema = z.object({
  pathId: z.string(),
  status: z.enum(PATH_STATUSES),
  stage: z.enum(STAGES),
  clientReference: z.string(),
  employmentArea: z.string(),
  municipality: z.string(),
  coachId: z.string(),
  registeredOn: dateField,
  policyVersion: z.string(),
  version: z.int(),
  interviewHeldOn: dateField.optional(),
  employmentPlan: z.object({ applicationsPerMonth: z.int(), goals: z.array(z.string()) }).optional(),
  assessment: z.object({ startedOn: dateField, recordedOn: dateField.optional() }).optional(),
  workTrial: z
    .object({ trialId: z.string(), organiserBusinessId: z.string(), startOn: dateField, plannedEndOn: dateField, endedOn: dateField.optional() })
    .optional(),
  wageSubsidy: z
    .object({ subsidyId: z.string(), rate: z.int(), startOn: dateField, endOn: dateField, endedOn: dateField.optional() })
    .optional(),
  sideServices: z.array(
    z.object({ serviceId: z.string(), kind: z.enum(SIDE_SERVICE_KINDS), startOn: dateField, plannedEndOn: dateField, endedOn: dateField.optional() }),
  ),
  referrals: z.array(z.string()),
  consents: z.array(z.object({ audience: z.enum(CONSENT_AUDIENCES), scope: z.string(), givenOn: dateField, expiresOn: dateField })),
  jobSearchDiscussions: z.int(),
  pendingItems: z.array(ScheduledItemViewSchema),
  pausedAt: instant.optional(),
  pauseReason: z.enum(PAUSE_REASONS).optional(),
  outcome: z.enum(EXIT_OUTCOMES).optional(),
  exitedOn: dateField.optional(),
  followUps: z.record(z.string(), z.boolean()).optional(),
});
export type PathView = z.infer<typeof PathViewSchema>;

export function toPathView(state: StartedPath): PathView {
  // The schema strips what staff do not need (the fired-item ids); the policy becomes its id.
  const { policy, schedule, sideServices, consents, ...core } = state;
  const pendingItems = Object.values(schedule)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map(({ id, ...item }) => ({ itemId: id, ...item }));
  return PathViewSchema.parse({
    ...core,
    policyVersion: policy.id,
    sideServices: Object.values(sideServices),
    consents: Object.values(consents),
    pendingItems,
  });
}

export function isStarted(state: PathState): state is StartedPath {
  return state.status !== 'NONE';
}

export const TimelineEntrySchema = z.object({
  version: z.int(),
  type: z.string(),
  occurredAt: instant,
  actor: z.object({ userId: z.string(), role: z.string() }),
  /** The event's top-level facts that are plain values (dates, ids, codes, counts). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export function toTimelineEntry(version: number, event: PathEvent): TimelineEntry {
  const details = Object.fromEntries(
    Object.entries(event.data as Record<string, unknown>).filter(
      (entry): entry is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof entry[1]),
    ),
  );
  return { version, type: event.type, occurredAt: event.metadata.occurredAt, actor: event.metadata.actor, details };
}
