import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { relative, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ProductSource } from '@xiaodian/model';
import { createGatewayApp } from './app.js';

export interface StartGatewayOptions {
  backend: ProductSource;
  port?: number;
  host?: string;
  /** A folder of built pages to serve on the same port (the examples). */
  staticDir?: string;
}

export interface RunningGateway {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

function staticSite(dir: string): Hono {
  // serveStatic resolves `root` against the working directory, so pass it relative to that.
  const root = relative(process.cwd(), resolve(dir)) || '.';
  return new Hono().use('/*', serveStatic({ root }));
}

/** Starts the gateway on Node. Port 0 picks a free port (tests); the resolved URL is returned. */
export function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const app = createGatewayApp({
    backend: options.backend,
    ...(options.staticDir ? { fallback: staticSite(options.staticDir) } : {}),
  });
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolvePromise, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, (info: AddressInfo) => {
      resolvePromise({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
