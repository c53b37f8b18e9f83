import { type CallHandler, type ExecutionContext, HttpException, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { containsIdentityCodeShape } from '@polku/domain';
import type { Response } from 'express';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '@polku/auth';
import { ApiError } from '../http/api-error';
import { IdempotencyStore, keyScopeOf } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_SHAPE = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * Honours `Idempotency-Key` on every POST: the first answer (success or a 4xx) is stored and
 * replayed for a retry of the same request; the key with another request is refused.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    // Public routes (the dev issuer) answer the same way every time and have no caller to key by.
    if (request.method !== 'POST' || key === undefined || request.user === undefined) return next.handle();
    if (typeof key !== 'string' || !KEY_SHAPE.test(key)) {
      return throwError(() => new ApiError(HttpStatus.BAD_REQUEST, { code: 'IDEMPOTENCY.INVALID_KEY', message: 'Idempotency-Key must be 8–128 letters, digits or _ . : -' }));
    }
    // The key is stored and becomes part of ids: screened like every field that leaves the edge.
    if (containsIdentityCodeShape(key)) {
      return throwError(() => new ApiError(HttpStatus.BAD_REQUEST, { code: 'IDEMPOTENCY.INVALID_KEY', message: 'Idempotency-Key must not contain a personal identity code' }));
    }
    const scope = keyScopeOf(request.user);
    const response = context.switchToHttp().getResponse<Response>();
    const hash = this.store.requestHash(request.method, request.path, request.body);
    return from(this.store.claim(scope, key, hash)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'reused') throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, { code: 'IDEMPOTENCY.KEY_REUSED', message: 'This Idempotency-Key was used for another request.' });
        if (claim.kind === 'in-progress') throw new ApiError(HttpStatus.CONFLICT, { code: 'IDEMPOTENCY.IN_PROGRESS', message: 'A request with this Idempotency-Key is still being handled.' });
        if (claim.kind === 'replay') {
          if (claim.status >= 400) throw new HttpException(claim.body as object, claim.status);
          response.status(claim.status);
          response.setHeader('idempotent-replay', 'true');
          return of(claim.body);
        }
        return next.handle().pipe(
          mergeMap((body) => from(this.keep(scope, key, response.statusCode, body)).pipe(mergeMap(() => of(body)))),
          catchError((error: unknown) => from(this.settle(scope, key, error)).pipe(mergeMap(() => throwError(() => error)))),
        );
      }),
    );
  }

  private async settle(scope: string, key: string, error: unknown): Promise<void> {
    // A 409 (a conflict, a request in progress) may not hold on a retry: it is not kept.
    const lasting = error instanceof HttpException && error.getStatus() < 500 && error.getStatus() !== HttpStatus.CONFLICT;
    if (lasting) await this.keep(scope, key, error.getStatus(), error.getResponse());
    else await this.store.release(scope, key);
  }

  /** An answer that cannot be stored is not replayed: the key is freed and the retry runs anew. */
  private async keep(scope: string, key: string, status: number, body: unknown): Promise<void> {
    try {
      await this.store.complete(scope, key, status, body);
    } catch {
      await this.store.release(scope, key);
    }
  }
}
