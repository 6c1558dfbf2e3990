import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * hono's `bodyLimit`, without its cost on the local server. `bodyLimit` first asks for the body stream of every
 * request, and on Node that turns @hono/node-server's lightweight request into a full web `Request`, whose body is
 * then read through web streams rather than straight from the socket: about a fifth of a submission's time through
 * the local server. A body with a declared Content-Length (and no Transfer-Encoding) is judged by that length, as
 * `bodyLimit` itself does; only a body of unknown length goes through `bodyLimit`, which counts it as it arrives.
 * GET and HEAD bodies are never read, so they are not looked at.
 */
export function limitBody(options: {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}): MiddlewareHandler {
  const counted = bodyLimit(options);
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(declared, 10) > options.maxSize ? options.onError(c) : next();
    }
    return counted(c, next);
  };
}
