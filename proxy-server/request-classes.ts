/**
 * Request and response classes for `createServer` whose instances are born
 * with the app's prototypes (`app.request`, `app.response`). Express gives
 * every request and response its prototypes with `Object.setPrototypeOf`,
 * which measured ~10-20 us a request (a map change on a live object; issue
 * 15); setting the prototype an object already has costs nothing.
 *
 * They are classes extending Node's, so V8 gives every instance Node's own
 * layout, one shape for all: a function that called `ServerResponse` on an
 * object of its own making left room for none of Node's fields, and every
 * response went to slow (dictionary) properties before its first line ran,
 * 3 KB more each (a live-events stream keeps one) and a hash lookup for
 * every field Node and Express read. A class's prototype cannot be replaced,
 * so the app's prototypes become these classes' prototypes instead (`adopt`,
 * before anything else is defined on them); requests before that are plain
 * Node ones with Node's prototypes underneath.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Express } from 'express';

/** `target`, made to stand in for `source`: the same prototype and the same own properties. */
function graft<T extends object>(target: object, source: T): T {
  Object.setPrototypeOf(target, Object.getPrototypeOf(source));
  Object.defineProperties(target, Object.getOwnPropertyDescriptors(source));
  return target as T;
}

export interface BornClasses {
  IncomingMessage: typeof IncomingMessage;
  ServerResponse: typeof ServerResponse;
  /** Makes the classes' prototypes the app's `request` and `response` (call right after `express()`). */
  adopt(app: Express): void;
}

export function appBornClasses(): BornClasses {
  class Request extends IncomingMessage {}
  class Response extends ServerResponse {}
  return {
    IncomingMessage: Request,
    ServerResponse: Response as typeof ServerResponse,
    adopt(app) {
      app.request = graft(Request.prototype, app.request);
      app.response = graft(Response.prototype, app.response);
    },
  };
}
