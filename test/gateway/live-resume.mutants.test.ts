// Kills StrykerJS mutants (npm run mutation -- gateway) in the live events route: the id a reconnecting
// client sends (`Last-Event-ID`, or `?last_event_id=` where headers cannot be set) must reach the backend
// exactly, the header must win over the query, an empty one must mean "from now", and only visible ASCII
// up to 64 characters is an id. A backend that records what it was asked, and ends its stream at once,
// makes each answer finite and each argument visible.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGatewayApp } from '@xiaodian/gateway';
import type { LiveEvent, LiveEventsOptions } from '@xiaodian/model';
import { finder, fixtureBackend } from './fixture-backend.ts';

const viewers: LiveEvent = { id: 'e-7', at: 1_700_000_000_000, type: 'viewers', viewers: 1300 };

/** The fixture backend, whose live stream yields `events` and ends, recording the options it got. */
function recordingLive(events: LiveEvent[] = []) {
  const backend = fixtureBackend();
  const asked: Omit<LiveEventsOptions, 'signal'>[] = [];
  backend.liveEvents = (_name, options = {}) => {
    // The signal is the gateway's own per stream; what the client asked for is the rest.
    asked.push(Object.fromEntries(Object.entries(options).filter(([key]) => key !== 'signal')));
    return (async function* () {
      yield* events;
    })();
  };
  const app = createGatewayApp({ backend, log: false, rateLimit: false });
  const events$ = async (query = '', headers: Record<string, string> = {}) => {
    const response = await app.request(`/v1/lives/${finder}/events${query}`, { headers });
    return { status: response.status, text: await response.text() };
  };
  return { asked, events: events$ };
}

describe('Last-Event-ID reaches the live backend', () => {
  it('passes the header, and the query where no header is sent', async () => {
    const { asked, events } = recordingLive();
    assert.equal((await events('', { 'Last-Event-ID': 'e-41' })).status, 200);
    assert.equal((await events('?last_event_id=e-42')).status, 200);
    assert.deepEqual(asked, [{ lastEventId: 'e-41' }, { lastEventId: 'e-42' }]);
  });

  it('prefers the header over the query when both are sent', async () => {
    const { asked, events } = recordingLive();
    await events('?last_event_id=from-query', { 'Last-Event-ID': 'from-header' });
    assert.deepEqual(asked, [{ lastEventId: 'from-header' }]);
  });

  it('asks from now when no id or an empty one is sent', async () => {
    const { asked, events } = recordingLive();
    await events();
    await events('', { 'Last-Event-ID': '' });
    await events('?last_event_id=');
    assert.deepEqual(asked, [{}, {}, {}]);
  });

  it('accepts 64 visible ASCII characters from "!" to "~", and refuses one more, a space or DEL with a 400', async () => {
    const { asked, events } = recordingLive();
    const longest = `!${'a'.repeat(62)}~`;
    assert.equal((await events(`?last_event_id=${encodeURIComponent(longest)}`)).status, 200);
    assert.deepEqual(asked, [{ lastEventId: longest }]);
    for (const refused of [`${longest}x`, 'a b', 'a\x7f', 'é']) {
      const answer = await events(`?last_event_id=${encodeURIComponent(refused)}`);
      assert.equal(answer.status, 400, JSON.stringify(refused));
      assert.match(
        answer.text,
        /"Last-Event-ID\\" must be an event id this gateway sent \(at most 64 visible ASCII characters\)/,
      );
    }
    assert.equal(asked.length, 1, 'a refused id never reaches the backend');
  });
});

describe('live event stream framing', () => {
  it('starts with the reconnect delay and a heartbeat, then sends each event with its id, type and send time', async () => {
    const { events } = recordingLive([viewers]);
    const { status, text } = await events();
    assert.equal(status, 200);
    const [retry, heartbeat, event] = text.split('\n\n');
    assert.equal(retry, 'retry: 2000');
    assert.match(heartbeat ?? '', /^: heartbeat \{"time":\d+,"intervalMs":15000\}$/);
    const fields = new Map(
      (event ?? '').split('\n').map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
    );
    assert.deepEqual([...fields.keys()].sort(), ['data', 'event', 'id']);
    assert.equal(fields.get('id'), 'e-7');
    assert.equal(fields.get('event'), 'viewers');
    const data = JSON.parse(fields.get('data') ?? '') as { viewers: number; at: number; time: number };
    assert.equal(data.viewers, 1300);
    assert.equal(data.at, viewers.at, 'when it happened stays as it was');
    assert.equal(typeof data.time, 'number', 'when it was sent is added');
  });
});

describe('open live streams are limited', () => {
  it('refuses a stream beyond maxStreams with a 503, Retry-After 5 and the reason, and counts a closed one out', async () => {
    const backend = fixtureBackend();
    const app = createGatewayApp({ backend, log: false, rateLimit: false, maxStreams: 1 });
    const url = `/v1/lives/${finder}/events`;
    const first = await app.request(url);
    assert.equal(first.status, 200);
    const refused = await app.request(url);
    // Stream bodies are cancelled whatever the asserts say, so a failing run still ends.
    await first.body?.cancel();
    if (refused.status === 200) await refused.body?.cancel();
    assert.equal(refused.status, 503, 'one stream is open and one is the limit');
    assert.equal(refused.headers.get('retry-after'), '5');
    assert.deepEqual(await refused.json(), {
      error: { code: 'rate_limited', message: 'Too many live streams are open on this gateway; retry shortly' },
    });
    // The route counts a stream out once it has ended, a few turns of the event loop after the cancel: ask
    // /metrics until it says so (a bounded number of times, so a stream never counted out fails the test).
    const openStreams = async () =>
      /^xiaodian_live_streams_open (\d+)$/m.exec(await (await app.request('/metrics')).text())?.[1];
    for (let turn = 0; turn < 1_000 && (await openStreams()) !== '0'; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(await openStreams(), '0', 'a closed stream no longer counts');
    const again = await app.request(url);
    assert.equal(again.status, 200);
    await again.body?.cancel();
  });
});
