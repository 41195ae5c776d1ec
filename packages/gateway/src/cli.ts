#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createDemoBackend } from '@xiaodian/demo';
import { startGateway } from './serve.js';

const usage = `Usage: xiaodian-gateway [--port 8787] [--host 127.0.0.1] [--static DIR]

  --port     port to listen on (env PORT; default 8787)
  --host     address to bind (env HOST; default 127.0.0.1)
  --static   folder of built pages to serve on the same port
  --backend  data source: demo (the embedded catalog; the default)`;

function fail(message: string): never {
  console.error(`xiaodian-gateway: ${message}\n\n${usage}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      static: { type: 'string' },
      backend: { type: 'string', default: 'demo' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = Number(values.port ?? process.env['PORT'] ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port "${values.port ?? process.env['PORT']}"`);
if (values.backend !== 'demo') fail(`unknown backend "${values.backend}" (available: demo)`);

const host = values.host ?? process.env['HOST'] ?? '127.0.0.1';
let gateway;
try {
  gateway = await startGateway({
    backend: createDemoBackend(),
    port,
    host,
    ...(values.static ? { staticDir: values.static } : {}),
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `xiaodian-gateway: port ${port} on ${host} is already in use; choose another with --port or PORT.`
      : `xiaodian-gateway: could not listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
console.log(`Xiaodian gateway (demo catalog) listening on ${gateway.url}`);
if (values.static) console.log(`Article example: ${gateway.url}/article.html`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void gateway.close().then(() => process.exit(0)));
}
