/**
 * A 视频号 with a notice and no live, read from WeChat: the room says not started, with the open notice's
 * id, start and description (a cancelled notice is not it); and a stream resumed from an event id this
 * gateway never issued starts with a snapshot. Found by a coverage run of the gateway's tests: the notice
 * mapping of wechat/live.ts and its snapshot-on-unknown-id path were never taken.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createWeChatBackend } from '@xiaodian/gateway';
import { startFakeWeChat, type FakeWeChat } from './fake-wechat.ts';

const appid = 'wx3f8a2c1d9e7b6a54';
const finderUserName = 'sphShanyeOutdoor';
const startSeconds = 1_780_000_000;

describe('a 视频号 with a notice and no live, from WeChat', () => {
  let fake: FakeWeChat;
  let backend: ReturnType<typeof createWeChatBackend>;
  before(async () => {
    fake = await startFakeWeChat(1);
    fake.finder.lives = [];
    fake.finder.living = false;
    fake.finder.notices = [
      // Cancelled (status 1): not the notice the room shows.
      { notice_id: 'notice-cancelled', status: 1, start_time: startSeconds - 86_400, description: '取消的直播' },
      {
        notice_id: 'notice-open',
        status: 0,
        start_time: startSeconds,
        description: '夏季新品首发',
        nickname: '山野户外',
        head_url: 'https://wx.qlogo.cn/finderhead/head.jpg',
      },
    ];
    backend = createWeChatBackend({
      appid,
      secret: fake.secret,
      baseUrl: fake.url,
      finder: { appid: fake.finder.appid, secret: fake.finder.secret, finderUserName, pollMs: 40 },
    });
  });
  after(async () => {
    await fake.close();
  });

  it('is not started, with the open notice: its id, start in ms, description, and the host from it', async () => {
    const room = await backend.getLive!(finderUserName);
    assert.equal(room.status, 'not_started');
    assert.equal(room.statusCode, 1);
    assert.equal(room.nickname, '山野户外');
    assert.equal(room.avatarUrl, 'https://wx.qlogo.cn/finderhead/head.jpg');
    assert.equal(room.description, '夏季新品首发');
    assert.deepEqual(room.notice, {
      noticeId: 'notice-open',
      status: 'open',
      startAt: startSeconds * 1000,
      reservable: true,
      description: '夏季新品首发',
    });
    assert.equal(room.feedId, undefined);
    assert.deepEqual(room.bag, []);
  });

  it('starts a stream resumed from an id it never issued with a snapshot of the room', async () => {
    const controller = new AbortController();
    try {
      const events = backend.liveEvents!(finderUserName, { lastEventId: 'zzzz-1', signal: controller.signal });
      const iterator = events[Symbol.asyncIterator]();
      // Bounded: without the snapshot the stream would wait for the room's next change.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const first = await Promise.race([
        iterator.next(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no snapshot within 2 s')), 2_000);
        }),
      ]).finally(() => clearTimeout(timer));
      assert.equal(first.done, false);
      assert.equal(first.value!.type, 'snapshot');
      assert.equal(first.value!.type === 'snapshot' && first.value!.room.notice?.noticeId, 'notice-open');
      await iterator.return?.();
    } finally {
      controller.abort();
    }
  });
});
