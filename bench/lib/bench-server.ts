/**
 * A server for the gateway benchmark, run in its own process so the load generator does not share its
 * event loop: `gateway` is the real gateway over the demo catalog; `bare` is plain node:http answering
 * every request with the given body and headers. Prints its URL on stdout, stops on SIGTERM.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoBackend } from '@xiaodian/demo';
import { startGateway } from '@xiaodian/gateway';

const [kind, bodyFile, headerFile] = process.argv.slice(2);

if (kind === 'gateway') {
  const gateway = await startGateway({
    backend: createDemoBackend(),
    port: 0,
    host: '127.0.0.1',
    rateLimit: false,
    log: false,
  });
  console.log(gateway.url);
  process.once('SIGTERM', () => void gateway.close().then(() => process.exit(0)));
} else if (kind === 'bare' && bodyFile) {
  const { readFileSync } = await import('node:fs');
  const body = readFileSync(bodyFile);
  const headers = headerFile
    ? (JSON.parse(readFileSync(headerFile, 'utf8')) as Record<string, string>)
    : { 'content-type': 'application/json; charset=UTF-8' };
  const server = createServer((_request, response) => {
    response.writeHead(200, { ...headers, 'content-length': body.length });
    response.end(body);
  }).listen(0, '127.0.0.1', () => {
    console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
} else {
  console.error('usage: bench-server.ts gateway | bare BODY_FILE [HEADERS_JSON_FILE]');
  process.exit(2);
}
