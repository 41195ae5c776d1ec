import { createServer } from 'node:net';

/**
 * The URL a browser on this machine reaches a server listening on `host:port` at: the wildcard addresses
 * (`0.0.0.0`, `::`) are not addresses a browser can open, so they become the loopback. Other machines need
 * the gateway's public name, which only the operator knows (`--public-base-url`).
 */
export function listenUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/**
 * A port free on `host` now, for `--port 0`: the demo catalog's picture URLs name the port, and the catalog
 * is built before the gateway listens. (Another process could take it in between; the gateway then fails to
 * listen with the usual "already in use" message.)
 */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
