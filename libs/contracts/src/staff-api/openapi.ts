import { z } from 'zod';
import * as S from './api-schemas';
import type { StaffRole } from './fields';
import { PathViewSchema, TimelineEntrySchema } from './path-view';
import { STAFF_COMMAND_SPECS } from './staff-commands';

type Status = 200 | 201 | 202 | 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

interface Operation {
  readonly method: 'get' | 'post';
  /** OpenAPI path template, e.g. `/paths/{pathId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /** Absent: any signed-in staff member. Empty: public (no token). */
  readonly roles?: readonly StaffRole[];
  readonly params?: Readonly<Record<string, z.ZodType>>;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly ok: readonly [Status, z.ZodType];
  /** A second success answer (a registration answered with a transfer request). */
  readonly alsoOk?: readonly [Status, z.ZodType];
  readonly errors: readonly Status[];
  /** The success answer's media type; JSON unless said. */
  readonly contentType?: string;
}

const READ_ERRORS = [400, 401, 403] as const;
const PATH_READ_ERRORS = [...READ_ERRORS, 404] as const;
const POST_ERRORS = [400, 401, 403, 404, 409, 413, 415, 422] as const;
const pathId = { pathId: S.PathIdParamSchema };

/** Every endpoint of the staff API; the OpenAPI document is generated from this table. */
export const STAFF_API_OPERATIONS: readonly Operation[] = [
  { method: 'post', path: '/paths', operationId: 'startPath', summary: 'Register a client by identity code and start the service path (202: a transfer is requested from the area holding the client)', tag: 'paths', roles: ['intake', 'coach'], body: S.StartPathRequestSchema, ok: [201, S.StartPathResponseSchema], alsoOk: [202, S.TransferRequestedSchema], errors: [...POST_ERRORS, 429] },
  { method: 'get', path: '/transfer-requests', operationId: 'transferRequests', summary: "Other areas' requests for this area's clients", tag: 'paths', roles: ['coach', 'manager'], ok: [200, S.TransferRequestListSchema], errors: READ_ERRORS },
  { method: 'get', path: '/paths', operationId: 'listPaths', summary: "Paths of the user's employment area", tag: 'paths', query: S.ListPathsQuerySchema, ok: [200, S.PathPageSchema], errors: READ_ERRORS },
  { method: 'get', path: '/paths/{pathId}', operationId: 'getPath', summary: 'One path with its timeline from the event store (asOf: as the events recorded up to that day had it)', tag: 'paths', params: pathId, query: S.PathAsOfQuerySchema, ok: [200, S.PathDetailsSchema], errors: PATH_READ_ERRORS },
  ...STAFF_COMMAND_SPECS.map((command): Operation => ({
    method: 'post',
    path: `/paths/{pathId}/${command.route}`,
    operationId: command.type.charAt(0).toLowerCase() + command.type.slice(1),
    summary: command.summary,
    tag: 'commands',
    roles: command.roles,
    params: pathId,
    body: command.body,
    ok: [200, S.PathAnswerSchema],
    errors: POST_ERRORS,
  })),
  { method: 'get', path: '/me', operationId: 'me', summary: 'The signed-in user', tag: 'me', ok: [200, S.MeSchema], errors: [401] },
  { method: 'get', path: '/me/caseload', operationId: 'myCaseload', summary: "The coach's open paths", tag: 'me', roles: ['coach'], query: S.PageQuerySchema, ok: [200, S.PathPageSchema], errors: READ_ERRORS },
  { method: 'get', path: '/me/notifications', operationId: 'myNotifications', summary: 'Reminders, deadlines and escalations for me', tag: 'me', query: S.NotificationsQuerySchema, ok: [200, S.NotificationListSchema], errors: READ_ERRORS },
  { method: 'post', path: '/me/notifications/{notificationId}/read', operationId: 'markNotificationRead', summary: 'Mark a notification read', tag: 'me', params: { notificationId: z.uuid() }, ok: [200, S.NotificationReadSchema], errors: POST_ERRORS },
  { method: 'get', path: '/deadlines', operationId: 'deadlines', summary: 'Upcoming or overdue deadlines of the area', tag: 'deadlines', query: S.DeadlinesQuerySchema, ok: [200, S.DeadlineListSchema], errors: READ_ERRORS },
  { method: 'get', path: '/kpis', operationId: 'kpis', summary: 'Outcome KPIs of any period per municipality and for the area, against the same period a year earlier', tag: 'kpis', roles: ['manager', 'admin'], query: S.KpiQuerySchema, ok: [200, S.KpiReportSchema], errors: READ_ERRORS },
  { method: 'get', path: '/kpis/export.csv', operationId: 'kpisCsv', summary: 'The same KPI answer as CSV (period, segment and generation time in it)', tag: 'kpis', roles: ['manager', 'admin'], query: S.KpiQuerySchema, ok: [200, S.KpiCsvSchema], errors: READ_ERRORS, contentType: 'text/csv' },
  { method: 'post', path: '/admin/clients/{clientReference}/erase', operationId: 'eraseClientIdentity', summary: "Erase a client's identity code (destroys its key); admins of the client's area", tag: 'admin', roles: ['admin'], params: { clientReference: S.ClientReferenceParamSchema }, body: S.ErasureRequestSchema, ok: [200, S.ErasureResponseSchema], errors: POST_ERRORS },
  { method: 'post', path: '/admin/clients/erase', operationId: 'eraseClientByIdentityCode', summary: 'Erase the client registered under an identity code (also one whose path never started)', tag: 'admin', roles: ['admin'], body: S.EraseByIdentityCodeRequestSchema, ok: [200, S.ErasureResponseSchema], errors: POST_ERRORS },
];

const STATUS_TEXT: Record<Status, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 400: 'Invalid request', 401: 'Missing, invalid or expired token', 403: 'Role not allowed',
  404: 'Not found (or in another employment area)', 409: 'Conflict', 413: 'Body too large', 415: 'Unsupported body encoding',
  422: 'Rejected by the domain rules', 429: 'Too many requests: wait as Retry-After says', 503: 'A dependency is down',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

const json = (schema: object, type = 'application/json') => ({ content: { [type]: { schema } } });
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

// Schemas shared by many operations become named components; the others are named after their operation.
const SHARED: ReadonlyMap<z.ZodType, string> = new Map<z.ZodType, string>([
  [S.ApiErrorSchema, 'ApiError'],
  [PathViewSchema, 'PathView'],
  [TimelineEntrySchema, 'TimelineEntry'],
  [S.IdentityViewSchema, 'IdentityView'],
  [S.PathAnswerSchema, 'PathAnswer'],
  [S.PathSummarySchema, 'PathSummary'],
  [S.PathPageSchema, 'PathPage'],
  [S.DeadlineSchema, 'Deadline'],
  [S.NotificationSchema, 'Notification'],
  [S.KpiFiguresSchema, 'KpiFigures'],
  [S.KpiComparisonSchema, 'KpiComparison'],
]);

/** Request bodies (read as sent: defaults optional) and answers (as sent back), as named components. */
class Components {
  private readonly requests = z.registry<{ id: string }>();
  private readonly responses = z.registry<{ id: string }>();

  constructor() {
    for (const [schema, id] of SHARED) this.responses.add(schema, { id });
  }

  body(operation: Operation, schema: z.ZodType): object {
    const id = `${operation.operationId.charAt(0).toUpperCase()}${operation.operationId.slice(1)}Body`;
    this.requests.add(schema, { id });
    return ref(id);
  }

  answer(operation: Operation, schema: z.ZodType): object {
    const shared = SHARED.get(schema);
    if (shared) return ref(shared);
    const id = `${operation.operationId.charAt(0).toUpperCase()}${operation.operationId.slice(1)}Answer`;
    this.responses.add(schema, { id });
    return ref(id);
  }

  /** A schema under the given name (the second answer of an operation). */
  named(name: string, schema: z.ZodType): string {
    const id = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    this.responses.add(schema, { id });
    return id;
  }

  schemas(): Record<string, object> {
    const uri = (id: string) => `#/components/schemas/${id}`;
    const all = { ...z.toJSONSchema(this.requests, { io: 'input', uri }).schemas, ...z.toJSONSchema(this.responses, { io: 'output', uri }).schemas };
    return Object.fromEntries(Object.entries(all).map(([id, { $schema: _, $id: __, ...schema }]) => [id, schema]));
  }
}

function parameters(operation: Operation): object[] {
  const path = Object.entries(operation.params ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema: jsonSchema(schema, 'input') }));
  const query = Object.entries(operation.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: jsonSchema(schema as z.ZodType, 'input'),
  }));
  const idempotency = operation.method === 'post'
    ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,128}$' } }]
    : [];
  return [...path, ...query, ...idempotency];
}

function toOperation(operation: Operation, components: Components): object {
  const [okStatus, okSchema] = operation.ok;
  const responses: Record<string, object> = { [okStatus]: { description: STATUS_TEXT[okStatus], ...json(components.answer(operation, okSchema), operation.contentType) } };
  if (operation.alsoOk) responses[operation.alsoOk[0]] = { description: STATUS_TEXT[operation.alsoOk[0]], ...json(ref(components.named(`${operation.operationId}Alternative`, operation.alsoOk[1]))) };
  for (const status of operation.errors) responses[status] = { description: STATUS_TEXT[status], ...json(ref('ApiError')) };
  const roles = operation.roles === undefined ? 'any staff role' : operation.roles.join(', ');
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: `Roles: ${roles}.`,
    tags: [operation.tag],
    parameters: parameters(operation),
    ...(operation.body ? { requestBody: { required: true, ...json(components.body(operation, operation.body)) } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the staff API, from the schemas the API validates with. */
export function staffApiDocument(serverUrl: string): object {
  const components = new Components();
  const paths: Record<string, Record<string, object>> = {};
  for (const operation of STAFF_API_OPERATIONS) (paths[operation.path] ??= {})[operation.method] = toOperation(operation, components);
  return {
    openapi: '3.1.0',
    info: { title: 'Polku staff API', version: '1.0.0', description: 'Service paths of Finnish employment services. See docs/staff-api.md.' },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: components.schemas(),
    },
  };
}
