/** Errors the proxy itself produces, in SpherePay's ProblemDetails shape, and the one error middleware. */
import type { ErrorRequestHandler, Response } from 'express';
import type * as z from 'zod/mini';
import { HttpProblem, problem, validationProblem } from '../contract/spherepay/problem.ts';
import type { ProblemDetails } from '../contract/spherepay/common.ts';

export { HttpProblem };

export const notFound = () => new HttpProblem(problem(404, 'resource/not-found', 'Resource not found'));
export const sessionInvalid = (detail = 'The session is missing, invalid or expired') => new HttpProblem(problem(401, 'session/invalid', detail));
export const invalid = (issues: readonly z.core.$ZodIssue[]) => new HttpProblem(validationProblem(issues));
export const invalidAt = (pointer: string, detail: string) =>
  new HttpProblem(problem(422, 'validation/failed', 'Validation failed', [{ pointer, detail }]));

export function sendProblem(res: Response, body: ProblemDetails, headers: Record<string, string> = {}) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(body.status).set(headers).type('application/problem+json').send(JSON.stringify(body));
}

/** Last middleware: known problems as they are; body-parser errors as 4xx; anything else a bare 500 without details. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpProblem) return sendProblem(res, err.body, err.headers);
  const e = err as { type?: string; status?: number };
  if (e.type === 'entity.parse.failed') return sendProblem(res, problem(400, 'validation/failed', 'The body is not valid JSON'));
  if (e.type === 'entity.too.large') return sendProblem(res, problem(413, 'request/too-large', 'The body is too large'));
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return sendProblem(res, problem(415, 'request/unsupported', 'Unsupported body encoding'));
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return sendProblem(res, problem(e.status, undefined, 'Bad request'));
  req.log?.error({ err }, 'unhandled error');
  sendProblem(res, problem(500, 'server/error', 'Internal error'));
};
