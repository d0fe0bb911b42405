/**
 * Express-style handlers run in order for one request, without Express's
 * router: no path matching and no per-layer bookkeeping, which measured
 * about a fifth of the relay's CPU at ~10 app-level layers and a 25-route
 * router (issue 15). The Express app lends its request and response helpers
 * (`req.get`, `req.ip`, `res.set`, ...), so the handlers are the same ones
 * the app mounts, with the same semantics: a thrown error or a rejected
 * promise goes to the error handler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response } from 'express';

const ignore = () => {};

export function runChain(
  app: Express,
  handlers: readonly RequestHandler[],
  onError: ErrorRequestHandler,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  params: Record<string, string>,
): void {
  // What app.handle does before its router runs.
  const req = Object.setPrototypeOf(incoming, app.request) as Request;
  const res = Object.setPrototypeOf(outgoing, app.response) as Response;
  req.res = res;
  res.req = req;
  req.originalUrl = req.url;
  req.params = params;

  let index = 0;
  const next = (err?: unknown): void => {
    if (err !== undefined) return void onError(err, req, res, ignore);
    const handler = handlers[index++];
    if (!handler) return void onError(new Error('handler chain ran out without an answer'), req, res, ignore);
    try {
      const result: unknown = handler(req, res, next);
      if (result instanceof Promise) result.catch((e: unknown) => next(e ?? new Error('Rejected promise')));
    } catch (e) {
      next(e ?? new Error('Thrown without a value'));
    }
  };
  next();
}
