/**
 * Does a live subscription lose or repeat events when its connection drops? The real client subscribes to
 * a demo live room through the real gateway on loopback, via a TCP proxy that cuts the connection 20 times,
 * each time in the middle of an event (half of its bytes delivered). The room runs fast (the simulation's
 * clock steps a second every 2 ms). Afterwards every event the room emitted while subscribed must have been
 * applied exactly once, in order, and the subscriber's room must equal the server's.
 */
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createClient } from '@xiaodian/client';
import { createDemoBackend, manualClock } from '@xiaodian/demo';
import { startGateway } from '@xiaodian/gateway';
import type { LiveEvent } from '@xiaodian/model';

const cuts = 20;
const room = 'sphShanyeOutdoor';
const clock = manualClock(Date.UTC(2026, 10, 24, 12));
const backend = createDemoBackend({ clock });
const gateway = await startGateway({ backend, port: 0, host: '127.0.0.1', rateLimit: false, log: false });
const gatewayPort = Number(new URL(gateway.url).port);

/**
 * A loopback proxy in front of the gateway. `cutMidEvent()` lets the next chunk that carries an event
 * through only halfway, then drops both sides: what a phone going into a tunnel does.
 */
let cutRequested: (() => void) | undefined;
const sockets = new Set<Socket>();
let wireEvents = 0;
const proxy = createServer((client) => {
  const upstream = connect(gatewayPort, '127.0.0.1');
  sockets.add(client).add(upstream);
  const drop = () => {
    client.destroy();
    upstream.destroy();
    sockets.delete(client);
    sockets.delete(upstream);
  };
  client.on('data', (chunk) => upstream.write(chunk));
  upstream.on('data', (chunk: Buffer) => {
    const text = chunk.toString('latin1');
    const at = text.indexOf('\ndata: ');
    if (cutRequested && at >= 0) {
      // Up to the middle of the event's JSON: the client has its id and half its data, never its end.
      client.write(chunk.subarray(0, at + 20));
      const done = cutRequested;
      cutRequested = undefined;
      drop();
      done();
      return;
    }
    wireEvents += (text.match(/\ndata: /g) ?? []).length;
    client.write(chunk);
  });
  client.on('error', drop).on('close', drop);
  upstream.on('error', drop).on('close', drop);
});
await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

const applied: LiveEvent[] = [];
/** Streams that opened: the first, then one per reconnection. */
let streams = 0;
const client = createClient({ gateway: proxyUrl, random: () => 0 });
const subscription = client.subscribeLive({ finderUserName: room }, (_room, event) => event && applied.push(event), {
  mode: 'stream',
  reconnectDelayMs: 10,
  onState: (state) => void (state === 'streaming' && (streams += 1)),
});
const ticker = setInterval(() => clock.advance(1_000), 2);
const began = performance.now();
try {
  await until(() => subscription.state === 'streaming' && applied.length > 0, 'the first event');
  for (let i = 0; i < cuts; i += 1) {
    const before = applied.length;
    await until(() => applied.length >= before + 3, 'events before the cut');
    await new Promise<void>((resolve) => (cutRequested = resolve));
    const opened = streams;
    await until(() => streams > opened && applied.length > before + 3, 'the reconnection');
  }
  clearInterval(ticker);
  const server = await backend.getLive(room);
  await until(() => subscription.room?.lastEventId === server.lastEventId, 'catching up');

  const sequence = (event: LiveEvent) => Number(event.id.split('-')[1]);
  const ids = applied.map(sequence);
  const unique = new Set(ids);
  const first = ids[0]!;
  const last = sequence({ id: server.lastEventId! } as LiveEvent);
  let lost = 0;
  for (let n = first; n <= last; n += 1) if (!unique.has(n)) lost += 1;
  const snapshots = applied.filter((event) => event.type === 'snapshot').length;
  const inOrder = ids.every((id, i) => i === 0 || id > ids[i - 1]!);
  const matches = JSON.stringify(subscription.room) === JSON.stringify(server);
  console.table([
    {
      scenario: `${cuts} cuts mid-event, gateway + client`,
      reconnects: streams - 1,
      'events emitted': last - first + 1,
      'events applied': applied.length,
      lost,
      duplicated: applied.length - unique.size,
      'snapshots (resume too old)': snapshots,
      'in order': inOrder,
      'room equals server': matches,
      'wall s': Number(((performance.now() - began) / 1000).toFixed(1)),
    },
  ]);
  console.log(`events delivered on the wire (complete): ${wireEvents}; target: 0 lost, 0 duplicated`);
  if (lost !== 0 || applied.length !== unique.size || !inOrder || !matches) process.exitCode = 1;
} finally {
  clearInterval(ticker);
  subscription.close();
  for (const socket of sockets) socket.destroy();
  proxy.close();
  await gateway.close();
}
