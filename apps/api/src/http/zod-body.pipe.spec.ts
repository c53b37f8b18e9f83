import { HttpStatus } from '@nestjs/common';
import { z } from 'zod';
import { ApiError } from './api-error';
import { ZodBodyPipe } from './zod-body.pipe';

const pipe = new ZodBodyPipe(z.object({ area: z.string().min(2), days: z.number().int() }).strict());

describe('ZodBodyPipe', () => {
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
