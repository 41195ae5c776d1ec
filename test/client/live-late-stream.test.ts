// A fetch that ignores its abort signal (Hono's in-process `app.request`, some polyfills) answers a live stream
// after the subscription was closed. The stream must be let go at once: read by nobody, it stayed open with the
// gateway's heartbeats running, kept the process alive, and turned a closed subscription back to `streaming`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, type LiveConnectionState } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { createGatewayApp } from '@xiaodian/gateway';

describe('a live stream answered after its subscription closed', () => {
  it('is cancelled at once, and the closed subscription never says streaming', async () => {
    const app = createGatewayApp({ backend: createDemoBackend(), log: false, rateLimit: false });
    let releaseStream!: () => void;
    const streamAsked = new Promise<void>((resolve) => (releaseStream = resolve));
    let answerStream!: () => void;
    const answered = new Promise<void>((resolve) => (answerStream = resolve));
    let cancelled = false;
    const heartbeat = new TextEncoder().encode(': heartbeat\n\n');
    const client = createClient({
      gateway: 'http://gateway.test',
      // Ignores `init.signal`, as app.request does: the stream is answered whenever the test says.
      fetch: async (url, init) => {
        if (!String(url).endsWith('/events')) return app.request(url, init);
        releaseStream();
        await answered;
        const body = new ReadableStream<Uint8Array>({
          pull: (controller) => controller.enqueue(heartbeat),
          cancel: () => void (cancelled = true),
        });
        return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
      },
    });
    const states: LiveConnectionState[] = [];
    const subscription = client.subscribeLive({ finderUserName: 'sphMuyuHome' }, () => undefined, {
      onState: (state) => states.push(state),
    });
    await streamAsked;
    subscription.close();
    answerStream();
    const deadline = Date.now() + 5_000;
    while (!cancelled && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(cancelled, true, 'the late stream was cancelled');
    assert.equal(subscription.state, 'closed');
    assert.ok(!states.includes('streaming'), `states: ${states.join(', ')}`);
  });
});
