/**
 * Request and response classes for `createServer` whose instances are born
 * with the app's prototypes (`app.request`, `app.response`). Express gives
 * every request and response its prototypes with `Object.setPrototypeOf`,
 * which measured ~10-20 us a request (a map change on a live object; issue
 * 15); setting the prototype an object already has costs nothing. The
 * prototypes exist only once the app is built, after the port is bound:
 * `adopt` sets them, and requests before that are plain Node ones.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export function appBornClasses() {
  function Request(this: IncomingMessage, socket: Socket) {
    IncomingMessage.call(this, socket);
  }
  Request.prototype = Object.create(IncomingMessage.prototype) as object;
  function Response(this: ServerResponse, req: IncomingMessage, options?: object) {
    (ServerResponse as unknown as (this: ServerResponse, req: IncomingMessage, options?: object) => void).call(this, req, options);
  }
  Response.prototype = Object.create(ServerResponse.prototype) as object;
  return {
    IncomingMessage: Request as unknown as typeof IncomingMessage,
    ServerResponse: Response as unknown as typeof ServerResponse,
    adopt(app: { request: object; response: object }) {
      Request.prototype = app.request;
      Response.prototype = app.response;
    },
  };
}
