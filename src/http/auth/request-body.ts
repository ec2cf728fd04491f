// Request bodies and parameters checked against zod schemas: a bad one is a 400 with what is wrong.
import type { z } from 'zod';
import { AppError, ErrorCode } from '../../domain/app-error.js';

export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  throw new AppError(ErrorCode.INPUT_INVALID, `The request is not valid: ${problems.join('; ')}.`);
}
