import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { relative, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { createGateway, type Gateway } from './app.js';
import type { GatewayOptions } from './options.js';

export interface StartGatewayOptions extends Omit<GatewayOptions, 'fallback' | 'clientKey'> {
  port?: number;
  host?: string;
  /** A folder of built pages to serve on the same port (the examples). */
  staticDir?: string;
  /**
   * Behind a load balancer or CDN, the client is the first `X-Forwarded-For` address. Only turn this on
   * when a proxy you control sets that header, or clients can pick their own rate-limit bucket.
   */
  trustProxy?: boolean;
}

export interface RunningGateway {
  url: string;
  server: ServerType;
  gateway: Gateway;
  /** Ends live streams cleanly, then stops accepting connections. */
  close(): Promise<void>;
}

function staticSite(dir: string): Hono {
  // serveStatic resolves `root` against the working directory, so pass it relative to that.
  const root = relative(process.cwd(), resolve(dir)) || '.';
  return new Hono().use('/*', serveStatic({ root }));
}

function clientKeyFor(trustProxy: boolean): (c: Context) => string {
  return (c) => {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    return getConnInfo(c).remote.address ?? 'unknown';
  };
}

/**
 * Requests Node's HTTP parser refuses never reach the app: by default Node answers them with a bare,
 * empty 400. The commonest is a URL pasted with raw UTF-8 in its query (`?q=防晒`); say what to do
 * instead, in the same JSON error body every other 4xx has.
 */
function answerUnparsable(error: NodeJS.ErrnoException & { bytesParsed?: number }, socket: Socket): void {
  if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  const [status, reason, message] =
    // llhttp (Node 20) reports a raw byte anywhere in the request target as HPE_INVALID_URL; it has no other code for it.
    error.code === 'HPE_INVALID_URL'
      ? [
          400,
          'Bad Request',
          'The request URL holds characters that must be percent-encoded (UTF-8 text such as 防晒 is sent as %E9%98%B2%E6%99%92); encode the query, e.g. with encodeURIComponent or curl --data-urlencode -G',
        ]
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large', 'The request headers are too large']
        : [400, 'Bad Request', 'The request is not valid HTTP/1.1'];
  const body = JSON.stringify({ error: { code: 'bad_request', message, requestId: randomUUID() } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=UTF-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Starts the gateway on Node. Port 0 picks a free port (tests); the resolved URL is returned. */
export function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const { port, host = '127.0.0.1', staticDir, trustProxy = false, ...gatewayOptions } = options;
  const gateway = createGateway({
    ...gatewayOptions,
    clientKey: clientKeyFor(trustProxy),
    ...(staticDir ? { fallback: staticSite(staticDir) } : {}),
  });
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: gateway.app.fetch, port: port ?? 8787, hostname: host }, (info: AddressInfo) => {
      resolvePromise({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        server,
        gateway,
        close: () =>
          new Promise<void>((done) => {
            gateway.shutdown();
            server.close(() => done());
            // Streams end on the next tick; whatever is still open after that is an idle keep-alive.
            setTimeout(() => (server as { closeAllConnections?: () => void }).closeAllConnections?.(), 100).unref();
          }),
      });
    });
    server.on('clientError', answerUnparsable);
    server.once('error', reject);
  });
}
