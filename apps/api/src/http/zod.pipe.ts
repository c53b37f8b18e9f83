import { HttpStatus, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ApiError } from './api-error';

type Source = 'body' | 'query';

const CODES: Record<Source, [string, string]> = {
  body: ['VALIDATION.INVALID_BODY', 'The request body does not match the schema.'],
  query: ['VALIDATION.INVALID_QUERY', 'The query parameters do not match the schema.'],
};

/** Validates a request body or query against the contract's schema; issues name fields, never values. */
export class ZodPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.infer<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly source: Source = 'body',
  ) {}

  transform(value: unknown): z.infer<Schema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const [code, message] = CODES[this.source];
    throw new ApiError(HttpStatus.BAD_REQUEST, {
      code,
      message,
      issues: result.error.issues.map((issue) => ({ path: issue.path.join('.') || `(${this.source})`, message: issue.message })),
    });
  }
}

/** A malformed id in the URL names nothing: answered like an unknown one. */
export class ZodParamPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.infer<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly notFound: { code: string; message: string },
  ) {}

  transform(value: unknown): z.infer<Schema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new ApiError(HttpStatus.NOT_FOUND, this.notFound);
  }
}
