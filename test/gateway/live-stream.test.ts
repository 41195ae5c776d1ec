import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startGateway, type RunningGateway } from '@xiaodian/gateway';
import { liveEventSchema, type LiveEvent } from '@xiaodian/model';
import { finder, fixtureBackend, type FixtureBackend } from './fixture-backend.ts';

interface SseBlock {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** Reads an SSE response block by block, with a deadline so a broken stream fails the test instead of hanging it. */
function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next(timeoutMs = 3_000): Promise<SseBlock | 'closed'> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const text = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const block: SseBlock = {};
          for (const line of text.split('\n')) {
            if (line.startsWith(':')) block.comment = line.slice(1).trim();
            else {
              const [field, ...rest] = line.split(': ');
              (block as Record<string, string>)[field!] = rest.join(': ');
            }
          }
          return block;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no SSE block in time');
        const read = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no SSE data in time')), left)),
        ]);
        if (read.done) return 'closed';
        buffer += read.value;
      }
    },
    async nextEvent(): Promise<LiveEvent> {
      for (;;) {
        const block = await this.next();
        if (block === 'closed') throw new Error('stream closed before the event');
        if (block.data !== undefined) {
          const event = liveEventSchema.parse(JSON.parse(block.data));
          assert.equal(block.id, event.id, 'the SSE id is the event id');
          assert.equal(block.event, event.type);
          return event;
        }
      }
    },
    cancel: () => reader.cancel(),
  };
}

async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 3_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function withGateway(
  options: { heartbeatMs?: number; maxStreamMs?: number },
  body: (gateway: RunningGateway, backend: FixtureBackend) => Promise<void>,
  now?: () => number,
) {
  const backend = fixtureBackend();
  const gateway = await startGateway({
    backend,
    port: 0,
    host: '127.0.0.1',
    log: false,
    ...options,
    ...(now ? { now } : {}),
  });
  try {
    await body(gateway, backend);
  } finally {
    await gateway.close();
  }
}

describe('live events over SSE', () => {
  it('resumes after a dropped connection from Last-Event-ID with no event lost or duplicated', async () => {
    await withGateway({}, async (gateway, backend) => {
      const url = `${gateway.url}/v1/lives/${finder}/events`;
      const first = await fetch(url, { headers: { accept: 'text/event-stream' } });
      assert.equal(first.status, 200);
      assert.match(first.headers.get('content-type') ?? '', /^text\/event-stream/);
      const stream1 = sseReader(first);
      assert.deepEqual(await stream1.next(), { retry: '2000' }, 'the reconnect delay comes first');
      await until(() => backend.subscribers() === 1, 'the subscription');

      backend.emit({ type: 'viewers', viewers: 1300 });
      backend.emit({ type: 'heat', heat: 6000 });
      backend.emit({ type: 'pin', productId: '10000201001002' });
      const seen = [await stream1.nextEvent(), await stream1.nextEvent(), await stream1.nextEvent()];
      await stream1.cancel(); // the phone went through a tunnel
      await until(
        () => backend.subscribers() === 0 && gateway.gateway.metrics.openStreams === 0,
        'the server to let go',
      );

      backend.emit({ type: 'stock', productId: '10000201001002', stock: 3 });
      backend.emit({ type: 'viewers', viewers: 1420 });
      const second = await fetch(url, { headers: { 'last-event-id': seen.at(-1)!.id } });
      const stream2 = sseReader(second);
      await stream2.next(); // retry
      seen.push(await stream2.nextEvent(), await stream2.nextEvent());
      backend.emit({ type: 'heat', heat: 6100 });
      seen.push(await stream2.nextEvent());
      assert.deepEqual(
        seen.map((event) => [event.id, event.type]),
        [
          ['1', 'viewers'],
          ['2', 'heat'],
          ['3', 'pin'],
          ['4', 'stock'],
          ['5', 'viewers'],
          ['6', 'heat'],
        ],
      );
      await stream2.cancel();

      // EventSource cannot set headers on its first connection: the query parameter does the same.
      const third = sseReader(await fetch(`${url}?last_event_id=5`));
      await third.next();
      assert.equal((await third.nextEvent()).id, '6');
      await third.cancel();
    });
  });

  it('sends comment heartbeats at once and while the room is quiet, with the server clock and their interval', async () => {
    await withGateway({ heartbeatMs: 40 }, async (gateway) => {
      const before = Date.now();
      const stream = sseReader(await fetch(`${gateway.url}/v1/lives/${finder}/events`));
      await stream.next(); // retry
      for (let beat = 0; beat < 2; beat += 1) {
        const block = await stream.next(1_000);
        const comment = block === 'closed' ? undefined : block.comment;
        assert.ok(comment?.startsWith('heartbeat '), JSON.stringify(block));
        const fields = JSON.parse(comment!.slice('heartbeat '.length)) as { time: number; intervalMs: number };
        assert.equal(fields.intervalMs, 40);
        assert.ok(fields.time >= before && fields.time <= Date.now(), 'the gateway clock, unix ms');
      }
      await stream.cancel();
    });
  });

  it('says when it sent each event, so a resumed subscriber learns the time now and not when the event happened', async () => {
    let now = Date.UTC(2026, 10, 24, 12);
    await withGateway(
      {},
      async (gateway, backend) => {
        const url = `${gateway.url}/v1/lives/${finder}/events`;
        const stream = sseReader(await fetch(url));
        await until(() => backend.subscribers() === 1, 'the subscription');
        backend.emit({ type: 'viewers', viewers: 1300 });
        const first = await stream.nextEvent();
        await stream.cancel();
        await until(() => backend.subscribers() === 0, 'the server to let go');
        now += 60_000;
        const again = sseReader(await fetch(url, { headers: { 'last-event-id': '0' } }));
        const replayed = await again.nextEvent();
        assert.equal(replayed.id, first.id);
        assert.equal(replayed.at, first.at, 'when it happened does not change');
        assert.equal(replayed.time, now, 'when it was sent is now');
        await again.cancel();
      },
      () => now,
    );
  });

  it('says the server clock with each answer for the room, also when the room is cached, so a polling client has it', async () => {
    let now = Date.UTC(2026, 10, 24, 12);
    await withGateway(
      {},
      async (gateway) => {
        const first = await fetch(`${gateway.url}/v1/lives/${finder}`);
        assert.equal(first.status, 200);
        assert.equal(first.headers.get('x-server-time'), String(now));
        now += 1_234;
        const cached = await fetch(`${gateway.url}/v1/lives/${finder}`);
        assert.notEqual(cached.headers.get('x-cache'), 'miss', 'the room itself comes from the cache');
        assert.equal(cached.headers.get('x-server-time'), String(now), 'the time it was sent, not cached');
      },
      () => now,
    );
  });

  it('closes cleanly after the longest stream time, and when the gateway shuts down', async () => {
    await withGateway({ maxStreamMs: 150 }, async (gateway, backend) => {
      const stream = sseReader(await fetch(`${gateway.url}/v1/lives/${finder}/events`));
      await stream.next(); // retry
      await stream.next(); // the opening heartbeat
      assert.equal(await stream.next(), 'closed');
      await until(() => backend.subscribers() === 0, 'the backend subscription to end');
    });

    const backend = fixtureBackend();
    const gateway = await startGateway({ backend, port: 0, log: false });
    const stream = sseReader(await fetch(`${gateway.url}/v1/lives/${finder}/events`));
    await stream.next(); // retry
    await stream.next(); // the opening heartbeat
    const closing = gateway.close();
    assert.equal(await stream.next(), 'closed');
    await closing;
    assert.equal(backend.subscribers(), 0);
  });
  it('keeps a stream open without limit when the longest stream time is 0', async () => {
    await withGateway({ maxStreamMs: 0 }, async (gateway, backend) => {
      const stream = sseReader(await fetch(`${gateway.url}/v1/lives/${finder}/events`));
      await stream.next(); // retry
      await stream.next(); // the opening heartbeat
      await new Promise((resolve) => setTimeout(resolve, 100));
      backend.emit({ type: 'viewers', viewers: 1500 });
      assert.equal((await stream.nextEvent()).type, 'viewers', 'still open after 100 ms');
      await stream.cancel();
    });
  });

  it('logs a room whose events fail, and ends its stream; a stream the viewer left logs nothing', async () => {
    const logs: Array<Record<string, unknown>> = [];
    const backend = fixtureBackend();
    const gateway = await startGateway({ backend, port: 0, log: (entry) => logs.push(entry) });
    try {
      // As a fetch-based backend does: the iterator fails with the upstream's error, or with an AbortError
      // once the viewer is gone.
      let failNow = true;
      backend.liveEvents = (_name, options = {}) => ({
        [Symbol.asyncIterator]: () => ({
          async next(): Promise<IteratorResult<LiveEvent>> {
            await new Promise<void>((resolve) => {
              options.signal?.addEventListener('abort', () => resolve(), { once: true });
              if (failNow) resolve();
            });
            throw options.signal?.aborted ? new DOMException('aborted', 'AbortError') : new Error('upstream broke');
          },
        }),
      });
      const failing = sseReader(await fetch(`${gateway.url}/v1/lives/${finder}/events`));
      await failing.next(); // retry
      await failing.next(); // the opening heartbeat
      assert.equal(await failing.next(), 'closed');
      const failures = () => logs.filter((entry) => entry['msg'] === 'live stream failed');
      assert.deepEqual(failures(), [
        { level: 'error', msg: 'live stream failed', room: finder, error: 'Error: upstream broke' },
      ]);

      failNow = false;
      const left = sseReader(await fetch(`${gateway.url}/v1/lives/${finder}/events`));
      await left.next();
      await left.cancel();
      await until(() => gateway.gateway.metrics.openStreams === 0, 'the stream to end');
      assert.equal(failures().length, 1, 'a viewer leaving is not a failure');
    } finally {
      await gateway.close();
    }
  });

  it('lets go of each ended stream: a dozen in turn leave no shutdown listener behind (Node warns past ten)', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      await withGateway({}, async (gateway) => {
        for (let i = 0; i < 12; i++) {
          const stream = sseReader(await fetch(`${gateway.url}/v1/lives/${finder}/events`));
          await stream.next();
          await stream.cancel();
          await until(() => gateway.gateway.metrics.openStreams === 0, 'the stream to end');
        }
      });
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(
        warnings.filter((warning) => warning.startsWith('MaxListenersExceededWarning')),
        [],
      );
    } finally {
      process.off('warning', onWarning);
    }
  });
});
