import { HttpStatus, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
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
      issues: result.error.issues.flatMap((issue) => describeIssue(issue, this.source)),
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

// A field name the client made up is echoed only when it looks like a field name: a key can
// hold anything, an identity code or a NUL among them.
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function describeIssue(issue: Issue, source: Source): { path: string; message: string }[] {
  const at = issue.path.map(String).join('.');
  if (issue.code !== 'unrecognized_keys') return [{ path: at || `(${source})`, message: issue.message }];
  return issue.keys.map((key) => {
    const named = FIELD_NAME.test(key);
    return { path: named ? [at, key].filter(Boolean).join('.') : at || `(${source})`, message: named ? 'is not a field of this request' : 'has a field that is not part of this request' };
  });
}
