import { HttpStatus } from '@nestjs/common';
import { z } from 'zod';
import { ApiError } from './api-error';
import { ZodParamPipe, ZodPipe } from './zod.pipe';

const pipe = new ZodPipe(z.object({ area: z.string().min(2), days: z.number().int() }).strict());

describe('ZodPipe', () => {
  it('returns the parsed body', () => {
    expect(pipe.transform({ area: 'Lahti', days: 3 })).toEqual({ area: 'Lahti', days: 3 });
  });

  it('rejects with 400 VALIDATION.INVALID_BODY naming fields but never echoing values', () => {
    let thrown: unknown;
    try {
      pipe.transform({ area: 'x', days: 'secret-value' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    const error = thrown as ApiError;
    expect(error.getStatus()).toBe(HttpStatus.BAD_REQUEST);
    const body = error.getResponse() as { code: string; issues: { path: string }[] };
    expect(body.code).toBe('VALIDATION.INVALID_BODY');
    expect(body.issues.map((issue) => issue.path)).toEqual(['area', 'days']);
    expect(JSON.stringify(body)).not.toContain('secret-value');
  });
});

describe('ZodPipe on a query and ZodParamPipe', () => {
  it('names the query as the source', () => {
    const query = new ZodPipe(z.strictObject({ limit: z.coerce.number().int().max(100) }), 'query');
    expect(query.transform({ limit: '7' })).toEqual({ limit: 7 });
    expect(() => query.transform({ limit: '1000' })).toThrow(expect.objectContaining({ response: expect.objectContaining({ code: 'VALIDATION.INVALID_QUERY' }) }));
  });

  it('answers a malformed id as not found', () => {
    const param = new ZodParamPipe(z.uuid(), { code: 'PATH.NOT_FOUND', message: 'No such path.' });
    expect(param.transform('6f1c1f2e-2a7b-4c1e-9d1a-1b2c3d4e5f60')).toBe('6f1c1f2e-2a7b-4c1e-9d1a-1b2c3d4e5f60');
    let thrown: unknown;
    try {
      param.transform('../etc');
    } catch (error) {
      thrown = error;
    }
    expect((thrown as ApiError).getStatus()).toBe(HttpStatus.NOT_FOUND);
  });
});

describe('unknown fields', () => {
  const strict = new ZodPipe(z.strictObject({ area: z.string() }));

  const issuesOf = (value: unknown) => {
    try {
      strict.transform(value);
    } catch (error) {
      return ((error as ApiError).getResponse() as { issues: { path: string; message: string }[] }).issues;
    }
    throw new Error('accepted');
  };

  it('names an unknown field that looks like one', () => {
    expect(issuesOf({ area: 'x', clientName: 'Matti' })).toEqual([{ path: 'clientName', message: 'is not a field of this request' }]);
  });

  it('does not echo a key that could hold anything', () => {
    const issues = issuesOf({ area: 'x', '131052-308T': 1, 'a\u0000b': 2 });
    expect(issues).toHaveLength(2);
    expect(JSON.stringify(issues)).not.toMatch(/131052|\\u0000/);
  });
});
