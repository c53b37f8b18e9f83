import { HttpStatus } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApiError } from '../http/api-error';
import { statusOfCode, toApiError } from './path-failures';

const rejected = (type: string, facts: object) =>
  new WorkflowUpdateFailedError('update failed', ApplicationFailure.create({ type, message: 'why', details: [facts], nonRetryable: true }));

describe('path failures at the HTTP edge', () => {
  it.each([
    ['VALIDATION.DATE_ORDER', HttpStatus.BAD_REQUEST],
    ['EVENT_STORE.VERSION_CONFLICT', HttpStatus.CONFLICT],
    ['EVENT_STORE.EVENT_ID_CONFLICT', HttpStatus.CONFLICT],
    ['PATH.CLIENT_HAS_ACTIVE_PATH', HttpStatus.CONFLICT],
    ['PATH.INVALID_TRANSITION', HttpStatus.UNPROCESSABLE_ENTITY],
    ['WORK_TRIAL.LIMIT_EXCEEDED', HttpStatus.UNPROCESSABLE_ENTITY],
  ])('answers %s with %i', (code, status) => {
    expect(statusOfCode(code)).toBe(status);
  });

  it('keeps the domain code and message, and names the field a rule is about', () => {
    const error = toApiError(rejected('VALIDATION.DATE_ORDER', { field: 'plannedEndOn', earliest: 'startOn' })) as ApiError;
    expect(error.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    expect(error.getResponse()).toEqual({ code: 'VALIDATION.DATE_ORDER', message: 'why', issues: [{ path: 'plannedEndOn', message: 'why' }] });
    expect((toApiError(rejected('PATH.PAUSED', { command: 'ExitPath' })) as ApiError).getResponse()).toEqual({ code: 'PATH.PAUSED', message: 'why' });
  });

  it('answers a path without a workflow as not found, and leaves other errors alone', () => {
    expect((toApiError(new WorkflowNotFoundError('gone', 'path-x', undefined)) as ApiError).getStatus()).toBe(HttpStatus.NOT_FOUND);
    const unexpected = new Error('socket hang up');
    expect(toApiError(unexpected)).toBe(unexpected);
    const foreign = rejected('SomeLibraryError', {});
    expect(toApiError(foreign)).toBe(foreign);
  });
});
