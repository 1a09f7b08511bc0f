import type { Context } from 'hono';
import type { ZodError } from 'zod';
import type { FieldError } from './api-error.js';
import { ErrorCode } from './error-codes.js';
import { problemResponse } from './problem.js';

/** Lists every failed field of a zod error with the part of the request it came from. */
export function fieldErrors(target: string, error: ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...issue.path, ...(keys.length === 1 ? keys : [])].map(String).join('.');
    return {
      in: target,
      path: path || (keys.length > 1 ? keys.join(',') : ''),
      message: issue.message,
      code: issue.code,
    };
  });
}

type HookResult = { target: string } & ({ success: true } | { success: false; error: ZodError });

/**
 * The `defaultHook` of every OpenAPIHono instance: a schema failure becomes one 422 problem that
 * names each bad field (unknown fields included, as every body schema is strict).
 */
export function defaultHook(result: HookResult, c: Context): Response | undefined {
  if (result.success) return undefined;
  const errors = fieldErrors(result.target, result.error);
  const detail = `Invalid ${result.target}: ${errors.map((e) => e.path || '(root)').join(', ')}.`;
  return problemResponse(c, 422, ErrorCode.VALIDATION_FAILED, detail, { errors });
}
