/** Errors the sandbox answers with, in SpherePay's ProblemDetails shape. */
import type * as z from 'zod/mini';
import { HttpProblem, problem, toPointer, validationProblem, REPORT_INPUT } from '../contract/spherepay/problem.ts';

export { HttpProblem };

type FieldError = { detail: string; pointer: string };
const field = (path: PropertyKey[] | string, detail: string): FieldError => ({
  detail,
  pointer: typeof path === 'string' ? path : toPointer(path),
});

export const notFound = (detail = 'Resource not found') => new HttpProblem(problem(404, 'resource/not-found', detail));

/** 400 `address/invalid`: SpherePay's code for a bad request or an unsupported combination. */
export const badRequest = (detail: string, path?: PropertyKey[] | string) =>
  new HttpProblem(problem(400, 'address/invalid', detail, path ? [field(path, detail)] : undefined));

/** 422 for one field, in the same shape zod failures get. */
export const invalid = (path: PropertyKey[] | string, detail: string) =>
  new HttpProblem(problem(422, 'validation/failed', 'Validation failed', [field(path, detail)]));

export const notApproved = () =>
  new HttpProblem(problem(400, 'customer/kyc-not-approved', 'The customer has no approved verification profile'));

/** Parses with a shared schema or throws 422 with JSON pointers (prefixed for query or path input). */
export function parse<S extends z.ZodMiniType>(schema: S, value: unknown, prefix: PropertyKey[] = []): z.infer<S> {
  const result = schema.safeParse(value, REPORT_INPUT);
  if (result.success) return result.data as z.infer<S>;
  const issues = result.error.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
  throw new HttpProblem(validationProblem(issues));
}
