/** The live room the client's live subscription tests start from, and their bounded wait. */
import { performance } from 'node:perf_hooks';
import type { LiveRoom } from '@xiaodian/model';

export const ref = { finderUserName: 'sphLiveTest01' };

export const room: LiveRoom = {
  finderUserName: ref.finderUserName,
  nickname: '山野户外',
  avatarUrl: 'https://wx.qlogo.cn/x/0',
  description: '夏季上新',
  status: 'live',
  statusCode: 2,
  replay: 'none',
  viewers: 100,
  heat: 1000,
  bag: [],
  lastEventId: '5',
};

/**
 * Polls a condition the code under test reaches by itself (bounded: a missed one fails the test). On the
 * monotonic clock: some tests set the device's clock wrong on purpose.
 */
export async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
