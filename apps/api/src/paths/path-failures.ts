import { HttpStatus } from '@nestjs/common';
import { PathFailureTypes } from '@polku/contracts';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApiError } from '../http/api-error';
import { pathNotFound } from './path-store';

const CONFLICTS: ReadonlySet<string> = new Set([PathFailureTypes.versionConflict, PathFailureTypes.eventIdConflict, PathFailureTypes.clientHasActivePath]);

/** HTTP status of a domain error code: input faults 400, conflicts 409, rule rejections 422. */
export function statusOfCode(code: string): HttpStatus {
  if (CONFLICTS.has(code)) return HttpStatus.CONFLICT;
  if (code.startsWith('VALIDATION.')) return HttpStatus.BAD_REQUEST;
  return HttpStatus.UNPROCESSABLE_ENTITY;
}

/**
 * What an Update's failure means to the caller. The workflow raises domain errors and the event
 * store's verdicts as ApplicationFailures typed with their stable code; anything else is ours.
 */
export function toApiError(error: unknown): unknown {
  if (error instanceof WorkflowNotFoundError) return pathNotFound();
  if (!(error instanceof WorkflowUpdateFailedError) || !(error.cause instanceof ApplicationFailure)) return error;
  const { type, message, details } = error.cause;
  // Only the stable codes of the domain and the event store reach the caller; anything else is ours.
  if (!type || !/^[A-Z_]+\.[A-Z_]+$/.test(type)) return error;
  // A rule about one field names it in its facts: the console shows the message next to it.
  const field = (details?.[0] as { field?: unknown } | undefined)?.field;
  return new ApiError(statusOfCode(type), { code: type, message, ...(typeof field === 'string' ? { issues: [{ path: field, message }] } : {}) });
}
