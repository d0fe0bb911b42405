/** Turns zod issues into SpherePay's ProblemDetails with JSON pointers. */
import type * as z from 'zod/mini';
import type { ProblemDetails } from './common.ts';
import type { MessageKey } from '../message-keys.ts';

/** RFC 6901: `~` -> `~0`, `/` -> `~1`. */
export const toPointer = (path: readonly PropertyKey[]) =>
  '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export const fromPointer = (pointer: string): string[] =>
  pointer === '' || pointer === '/' ? [] : pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * Parse options for input whose issues become problem details: zod 4 keeps
 * an issue's `input` only when asked, and without it a value of the wrong
 * type cannot be told from a missing one (`wrongType` vs `required`). The
 * input stays in the issue: `issuesToErrors` sends only keys and pointers.
 */
export const REPORT_INPUT = { reportInput: true } as const;

/**
 * zod/mini carries no locale (it would cost bundle size), and contract/ no
 * words: a check's own message is already a key (message-keys.ts); generic
 * issues get the key for their code. The widget turns keys into sentences,
 * with the issue's bounds when it has the issue itself.
 */
export function issueKey(issue: z.core.$ZodIssue): MessageKey | string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  // Only an issue parsed with REPORT_INPUT says whether there was a value at all.
  const known = 'input' in issue;
  switch (issue.code) {
    case 'invalid_type':
      return known && issue.input !== undefined ? 'wrongType' : 'required';
    case 'invalid_value':
      return known && issue.input === undefined ? 'required' : 'notAllowed';
    case 'too_small':
      return issue.origin === 'string' ? 'tooShort' : 'tooSmall';
    case 'too_big':
      return issue.origin === 'string' ? 'tooLong' : 'tooBig';
    case 'invalid_format':
      return 'invalidFormat';
    case 'invalid_union':
      return 'noMatchingForm';
    default:
      return 'invalidValue';
  }
}

/** Flattens zod issues (unknown keys get one entry each) into `{detail, pointer}`. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): { detail: string; pointer: string }[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ detail: 'unknownField', pointer: toPointer([...issue.path, key]) }))
      : [{ detail: issueKey(issue), pointer: toPointer(issue.path) }],
  );
}

export function validationProblem(issues: readonly z.core.$ZodIssue[], correlationId?: string): ProblemDetails {
  return {
    status: 422,
    code: 'validation/failed',
    detail: 'Validation failed',
    ...(correlationId ? { correlationId } : {}),
    errors: issuesToErrors(issues),
  };
}

export const problem = (status: number, code: string | undefined, detail: string, errors?: ProblemDetails['errors']): ProblemDetails => ({
  status,
  ...(code ? { code } : {}),
  detail,
  ...(errors ? { errors } : {}),
});

/**
 * A ProblemDetails to throw from a server handler; the app's error middleware
 * answers with it (the proxy and the sandbox each have their own).
 */
export class HttpProblem extends Error {
  constructor(readonly body: ProblemDetails, readonly headers: Record<string, string> = {}) {
    super(body.detail);
  }
}
