import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { relative, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
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
    server.once('error', reject);
  });
}
