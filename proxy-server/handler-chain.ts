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
import type { ErrorRequestHandler, Express, NextFunction, Request, RequestHandler, Response } from 'express';

const ignore = () => {};

/**
 * One request's walk along the handlers. A class rather than closures over
 * locals: tsx (esbuild's keepNames) names every closure bound to a name as
 * it is made, ~1.5 us each, and this runs for every relayed request.
 */
class Chain {
  private index = 0;
  readonly next: NextFunction;

  constructor(
    private readonly handlers: readonly RequestHandler[],
    private readonly onError: ErrorRequestHandler,
    private readonly req: Request,
    private readonly res: Response,
  ) {
    this.next = (err?: unknown) => this.step(err);
  }

  step(err: unknown): void {
    if (err) return void this.onError(err, this.req, this.res, ignore);
    const handler = this.handlers[this.index++];
    if (!handler) return void this.onError(new Error('handler chain ran out without an answer'), this.req, this.res, ignore);
    try {
      const result: unknown = handler(this.req, this.res, this.next);
      if (result instanceof Promise) result.catch((e: unknown) => this.step(e ?? new Error('Rejected promise')));
    } catch (e) {
      this.step(e ?? new Error('Thrown without a value'));
    }
  }
}

export function runChain(
  app: Express,
  handlers: readonly RequestHandler[],
  onError: ErrorRequestHandler,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  params: Record<string, string>,
): void {
  // What app.handle does before its router runs (free when the objects were born with these prototypes).
  const req = Object.setPrototypeOf(incoming, app.request) as Request;
  const res = Object.setPrototypeOf(outgoing, app.response) as Response;
  req.res = res;
  res.req = req;
  req.originalUrl = req.url;
  req.params = params;
  new Chain(handlers, onError, req, res).step(undefined);
}
