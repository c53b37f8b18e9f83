import { HttpException, type HttpStatus } from '@nestjs/common';

/** Every 4xx/5xx body a consumer app sends: a stable machine code and a human message. */
export interface ConsumerErrorBody {
  readonly code: string;
  readonly message: string;
}

export class ConsumerHttpError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string) {
    super({ code, message } satisfies ConsumerErrorBody, status);
  }
}
