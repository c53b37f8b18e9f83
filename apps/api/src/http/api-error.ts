import { HttpException, HttpStatus } from '@nestjs/common';

/** Every 4xx/5xx body the API sends: a stable machine code and a human message. */
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly { path: string; message: string }[];
}

export class ApiError extends HttpException {
  /** `headers`: sent with the answer (e.g. Retry-After, Allow). */
  constructor(status: HttpStatus, body: ApiErrorBody, readonly headers: Readonly<Record<string, string>> = {}) {
    super(body, status);
  }
}
