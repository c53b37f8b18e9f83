import { EXIT_OUTCOMES, PATH_STATUSES, REFERRAL_SOURCES, SCHEDULED_ITEM_KINDS, STAFF_ROLES, STAGES } from '@polku/domain';
import { z } from 'zod';
import { employmentArea, localDate, municipality, plainText, staffUserId } from './fields';
import { PathViewSchema, ScheduledItemViewSchema, TimelineEntrySchema } from './path-view';
import { STAFF_COMMAND_SPECS } from './staff-commands';

const instant = z.iso.datetime({ offset: true });

export const CommandRouteSchema = z.enum(STAFF_COMMAND_SPECS.map((command) => command.route) as [string, ...string[]]);

/** `POST /paths`: intake registers the client by identity code; the area comes from the token. */
export const StartPathRequestSchema = z.strictObject({
  identityCode: z.string().min(1).max(20).meta({ description: 'Henkilötunnus, e.g. 131052-308T. Never stored in clear, never echoed.' }),
  municipality,
  coachId: staffUserId,
  referralSource: z.enum(REFERRAL_SOURCES).default('SELF_REGISTRATION'),
});
export type StartPathRequest = z.infer<typeof StartPathRequestSchema>;
/** What a client sends: `referralSource` may be left out (the schema defaults it). */
export type StartPathBody = z.input<typeof StartPathRequestSchema>;

export const IdentityViewSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('HELD'), masked: z.string() }),
  z.object({ status: z.literal('ERASED'), erasedAt: instant }),
]);
export type IdentityView = z.infer<typeof IdentityViewSchema>;

export const PathAnswerSchema = z.object({ path: PathViewSchema, allowedCommands: z.array(CommandRouteSchema) });
export type PathAnswer = z.infer<typeof PathAnswerSchema>;
export const StartPathResponseSchema = PathAnswerSchema.extend({ pathId: z.string(), clientReference: z.string(), identity: IdentityViewSchema });
export type StartPathResponse = z.infer<typeof StartPathResponseSchema>;

/**
 * 202 to a registration of a client whose active path is held by another employment area: a
 * transfer request goes to that area (which area is not said), and the path can start here once
 * that area has closed its path.
 */
export const TransferRequestedSchema = z.object({
  status: z.literal('TRANSFER_REQUESTED'),
  transferRequestId: z.uuid(),
  clientReference: z.string(),
  message: z.string(),
});
export type TransferRequested = z.infer<typeof TransferRequestedSchema>;

/** A transfer request as the holding area sees it: whose path another area asks for. */
export const TransferRequestSchema = z.object({
  transferRequestId: z.uuid(),
  pathId: z.string(),
  clientReference: z.string(),
  requestedByArea: z.string(),
  municipality: z.string(),
  requestedAt: z.string(),
});
export const TransferRequestListSchema = z.object({ items: z.array(TransferRequestSchema) });

export type ScheduledItemView = z.infer<typeof ScheduledItemViewSchema>;

export const DeadlineSchema = ScheduledItemViewSchema.extend({
  pathId: z.string(),
  status: z.enum(['PENDING', 'FIRED', 'CANCELLED']),
  municipality: z.string(),
  coachId: z.string(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const PathDetailsSchema = PathAnswerSchema.extend({
  identity: IdentityViewSchema.nullable(),
  timeline: z.array(TimelineEntrySchema),
  /** The path as the events recorded up to the end of this day (Helsinki) had it; no commands are offered then. */
  asOf: localDate.nullable(),
});

/** `GET /paths/{pathId}?asOf=YYYY-MM-DD`: the path folded from the events recorded up to that day. */
export const PathAsOfQuerySchema = z.strictObject({ asOf: localDate.optional() });
export type PathAsOfQuery = z.infer<typeof PathAsOfQuerySchema>;
export type PathDetails = z.infer<typeof PathDetailsSchema>;

export const PathSummarySchema = z.object({
  pathId: z.string(),
  clientReference: z.string(),
  municipality: z.string(),
  coachId: z.string(),
  status: z.enum(PATH_STATUSES),
  stage: z.string(),
  registeredOn: localDate,
  interviewHeldOn: localDate.nullable(),
  exitedOn: localDate.nullable(),
  outcome: z.string().nullable(),
  overdue: z.int(),
  version: z.int(),
  updatedAt: instant,
});
export type PathSummary = z.infer<typeof PathSummarySchema>;

const limit = z.coerce.number().int().min(1).max(100).default(50);
const cursor = z.string().regex(/^[A-Za-z0-9_-]{1,200}$/).optional();

export const ListPathsQuerySchema = z.strictObject({
  status: z.enum(PATH_STATUSES).optional(),
  stage: z.enum(STAGES).optional(),
  coachId: staffUserId.optional(),
  municipality: municipality.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit,
  cursor,
});
export type ListPathsQuery = z.infer<typeof ListPathsQuerySchema>;
export const PageQuerySchema = z.strictObject({ limit, cursor });
export const PathPageSchema = z.object({ items: z.array(PathSummarySchema), nextCursor: z.string().nullable() });
export type PathPage = z.infer<typeof PathPageSchema>;

export const DeadlinesQuerySchema = z.strictObject({ window: z.enum(['upcoming', 'overdue']).default('upcoming'), limit });
export const DeadlineListSchema = z.object({ items: z.array(DeadlineSchema) });

export const NotificationSchema = z.object({
  notificationId: z.string(),
  pathId: z.string(),
  recipient: z.string(),
  rule: z.string(),
  kind: z.enum(SCHEDULED_ITEM_KINDS),
  dueAt: instant,
  createdAt: instant,
  readAt: instant.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export const NotificationsQuerySchema = z.strictObject({ unread: z.enum(['true', 'false']).optional(), limit });
export const NotificationListSchema = z.object({ items: z.array(NotificationSchema) });
export type NotificationList = z.infer<typeof NotificationListSchema>;
export const NotificationReadSchema = z.object({ notificationId: z.string(), readAt: instant });
export type NotificationRead = z.infer<typeof NotificationReadSchema>;

/** A day or a month: `YYYY-MM-DD`, or `YYYY-MM` for the month's first day (`from`) or last day (`to`). */
const dayOrMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a date, YYYY-MM-DD, or a month, YYYY-MM');

/** The client segments a KPI answer can be cut to (docs/reporting.md). */
export const KPI_SEGMENTS = ['all', 'multisectoral', 'under30', ...REFERRAL_SOURCES.map((source) => `referral:${source}` as const)] as const;
export type KpiSegment = (typeof KPI_SEGMENTS)[number];

export const KpiQuerySchema = z.strictObject({
  from: dayOrMonth.optional().meta({ description: 'First day of the period (YYYY-MM: the first of that month). Default: the first of the current month.' }),
  to: dayOrMonth.optional().meta({ description: 'Last day of the period (YYYY-MM: the last of that month). Default: today.' }),
  segment: z.enum(KPI_SEGMENTS).default('all'),
  municipality: municipality.optional(),
  asOf: localDate.optional().meta({ description: 'Recompute from the events recorded up to the end of this day (Helsinki), e.g. to reproduce a reported figure.' }),
});
export type KpiQuery = z.infer<typeof KpiQuerySchema>;
export type KpiQueryParams = z.input<typeof KpiQuerySchema>;

/**
 * The small-cell threshold of every KPI answer (docs/erasure.md, "Statistics: small cells"): a
 * count of people from 1 to one below it is not shown, every other count is rounded down to a
 * multiple of it. The API applies it, publishes it in the answer, and the console and the CSV
 * name it ("<5") from here.
 */
export const KPI_SMALLEST_SHOWN = 5;

const share = z.number().nullable();
/** A count of people: 0 when none, null from 1 to KPI_SMALLEST_SHOWN − 1 (suppressed), else rounded down to a multiple of it. */
const people = z.int().nullable();
const period = z.object({ from: localDate, to: localDate });

/** The published figures of one municipality (or the whole area: `municipality` null) in one period. */
export const KpiFiguresSchema = z.object({
  municipality: z.string().nullable(),
  clientsServed: people,
  newClients: people,
  activeAtEnd: people,
  exits: people,
  exitsByOutcome: z.record(z.enum(EXIT_OUTCOMES), people),
  goalAttainedClients: people,
  goalAttainedShare: share,
  interviewOnTimeShare: share.meta({ description: 'null when no interview fell due in the period (shown "–") or too few did.' }),
  discussionOnTimeShare: share.meta({ description: 'Job-search discussions; null when none fell due in the period or too few did.' }),
  daysToPlanMedian: z.number().nullable(),
  daysToPlanMean: z.number().nullable(),
  inWorkShare3: share,
  inWorkShare6: share,
  rehabDays: z.int().nullable().meta({ description: `Realised rehabilitative work activity days of the months wholly in the period; null when fewer than ${KPI_SMALLEST_SHOWN} clients stand behind them.` }),
});
export type KpiFigures = z.infer<typeof KpiFiguresSchema>;

/** Current minus a year earlier, of the published figures: people and days as counts, shares in share points. */
export const KpiChangeSchema = KpiFiguresSchema.omit({ municipality: true, exitsByOutcome: true });
export type KpiChange = z.infer<typeof KpiChangeSchema>;

export const KpiComparisonSchema = z.object({
  municipality: z.string().nullable(),
  current: KpiFiguresSchema,
  previousYear: KpiFiguresSchema,
  change: KpiChangeSchema,
});
export type KpiComparison = z.infer<typeof KpiComparisonSchema>;

export const KpiReportSchema = z.object({
  period,
  previousYearPeriod: period,
  segment: z.enum(KPI_SEGMENTS),
  asOf: localDate.nullable(),
  generatedAt: instant,
  smallestShown: z.literal(KPI_SMALLEST_SHOWN).meta({ description: 'The small-cell threshold: a count of people below it (and above 0) is null, every other count is rounded down to a multiple of it.' }),
  /** The months whose rehabilitative work activity days are counted: those wholly in the period. */
  rehabMonths: z.object({ from: z.string(), to: z.string() }).nullable(),
  area: KpiComparisonSchema,
  municipalities: z.array(KpiComparisonSchema),
});
export type KpiReport = z.infer<typeof KpiReportSchema>;
/** `GET /kpis/export.csv`: one row per municipality and the area, with a header naming the period, segment and generation time. */
export const KpiCsvSchema = z.string().meta({ description: 'RFC 4180 CSV, UTF-8 with a byte-order mark (opens in spreadsheet programs).' });

export const ErasureResponseSchema = z.object({ clientReference: z.string(), erasedAt: instant });
/** Why the client is erased (kept in the append-only erasure audit): the request, not the person. */
const erasureReason = plainText(3, 500).meta({ description: 'Why, e.g. the request and its date. Never the identity code.' });
export const ErasureRequestSchema = z.strictObject({ reason: erasureReason });
export type ErasureRequest = z.infer<typeof ErasureRequestSchema>;
export const EraseByIdentityCodeRequestSchema = z.strictObject({
  identityCode: z.string().min(1).max(20).meta({ description: 'Henkilötunnus of the client to erase. Never stored, never echoed.' }),
  reason: erasureReason,
});
export type EraseByIdentityCodeRequest = z.infer<typeof EraseByIdentityCodeRequestSchema>;
export const ClientReferenceParamSchema = z.string().regex(/^cref_[a-z0-9]{16,40}$/);
export const PathIdParamSchema = z.uuid();

export const MeSchema = z.object({ userId: z.string(), role: z.enum(STAFF_ROLES), employmentArea: z.string() });
export type Me = z.infer<typeof MeSchema>;
export const DevTokenRequestSchema = z.strictObject({ userId: staffUserId, role: z.enum(STAFF_ROLES), employmentArea });
export type DevTokenRequest = z.infer<typeof DevTokenRequestSchema>;
export const DevTokenResponseSchema = z.object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.int() });
export type DevTokenResponse = z.infer<typeof DevTokenResponseSchema>;

export const ApiErrorSchema = z.object({
  code: z.string().meta({ description: 'Stable error code, e.g. PATH.INVALID_TRANSITION' }),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;
