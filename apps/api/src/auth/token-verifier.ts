import { HttpStatus, Injectable } from '@nestjs/common';
import { AuthError, StaffTokenVerifier, type StaffUser } from '@polku/auth';
import { ApiError } from '../http/api-error';
import { AppConfig } from '../infrastructure/connections';

/**
 * The API's injectable face of the shared verifier (@polku/auth, where the jose verification and
 * the claim screening now live): its AuthErrors become 401 ApiErrors with the same code and message.
 */
@Injectable()
export class TokenVerifier {
  /** The shared verifier itself, whose AuthErrors the staff guard answers (StaffRolesGuard). */
  readonly verifier: StaffTokenVerifier;

  constructor(config: AppConfig) {
    this.verifier = new StaffTokenVerifier(config.values.auth);
  }

  async verify(token: string): Promise<StaffUser> {
    return this.verifier.verify(token).catch(rethrowAsApiError);
  }

  /** The caller named by an `Authorization: Bearer <JWT>` header. */
  async verifyAuthorization(header: string | undefined): Promise<StaffUser> {
    return this.verifier.verifyAuthorization(header).catch(rethrowAsApiError);
  }
}

function rethrowAsApiError(error: unknown): never {
  throw error instanceof AuthError ? unauthorized(error.code, error.message) : error;
}

export function unauthorized(code: string, message: string): ApiError {
  return new ApiError(HttpStatus.UNAUTHORIZED, { code, message });
}
