import { PathFailureTypes } from '@polku/contracts';
import type { DomainErrorCode } from '@polku/domain';

/**
 * The stable codes the API answers with besides the domain's own (docs/staff-api.md), and the
 * console's own for no answer at all. Each has a text in every language (i18n `errors`); the
 * domain's codes and the workflow's failures come from their homes, so a new one is a type error
 * until every language has it.
 */
export const API_ERROR_CODES = [
  ...Object.values(PathFailureTypes),
  'VALIDATION.INVALID_BODY',
  'VALIDATION.INVALID_QUERY',
  'IDENTITY.INVALID_CODE',
  'PATH.NOT_FOUND',
  'CLIENT.NOT_FOUND',
  'NOTIFICATION.NOT_FOUND',
  'IDEMPOTENCY.IN_PROGRESS',
  'IDEMPOTENCY.KEY_REUSED',
  'IDEMPOTENCY.INVALID_KEY',
  'AUTH.MISSING_TOKEN',
  'AUTH.INVALID_TOKEN',
  'AUTH.TOKEN_EXPIRED',
  'AUTH.FORBIDDEN_ROLE',
  'RATE.LIMITED',
  'REQUEST.MALFORMED_JSON',
  'REQUEST.TOO_LARGE',
  'REQUEST.UNSUPPORTED_CHARSET',
  'REQUEST.UNSUPPORTED_ENCODING',
  'ROUTE.NOT_FOUND',
  'INTERNAL',
  'NETWORK.TIMEOUT',
  'NETWORK.UNREACHABLE',
] as const;

export type ErrorCode = DomainErrorCode | (typeof API_ERROR_CODES)[number];

