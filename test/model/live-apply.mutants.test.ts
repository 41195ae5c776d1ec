/**
 * Live events applied to a room, each kind compared whole (found unguarded by `npm run mutation -- model`
 * in domain/live-apply.ts: the client's and gateway's tests reach it, the model's own did not), and the
 * order of event ids.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyLiveEvent, compareLiveEventIds, type LiveBagItem, type LiveEvent, type LiveRoom } from '@xiaodian/model';

const item = (productId: string, fields: Partial<LiveBagItem> = {}): LiveBagItem => ({
  appid: 'wx3f8a2c1d9e7b6a54',
  productId,
  index: 1,
  title: `商品 ${productId}`,
  image: `https://x/${productId}.jpg`,
  price: 9900,
  stock: 10,
  ...fields,
});

const room: LiveRoom = {
  finderUserName: 'sphShanyeOutdoor',
  nickname: '山野户外',
  avatarUrl: 'https://wx.qlogo.cn/x',
  description: '夏季上新',
  status: 'live',
  statusCode: 2,
  replay: 'none',
  viewers: 100,
  heat: 1000,
  pinnedProductId: 'p1',
  bag: [item('p1'), item('p2', { index: 2 })],
  lastEventId: 'e1-5',
};

let next = 6;
/** An event after the room's last, in its epoch. */
const event = <E extends { type: LiveEvent['type'] }>(fields: E) =>
  ({ id: `e1-${next++}`, at: 1_790_000_000_000, ...fields }) as unknown as LiveEvent;

describe('a live event applied to a room', () => {
  it('sets the status, statusCode and replay together', () => {
    const e = event({ type: 'status', status: 'ended', statusCode: 3, replay: 'generating' });
    assert.deepEqual(applyLiveEvent(room, e), {
      ...room,
      status: 'ended',
      statusCode: 3,
      replay: 'generating',
      lastEventId: e.id,
    });
  });

  it('pins a product, and unpins with null', () => {
    const pin = event({ type: 'pin', productId: 'p2' });
    assert.deepEqual(applyLiveEvent(room, pin), { ...room, pinnedProductId: 'p2', lastEventId: pin.id });
    const unpin = event({ type: 'pin', productId: null });
    const unpinned = applyLiveEvent(room, unpin);
    assert.equal('pinnedProductId' in unpinned, false);
    assert.equal(unpinned.lastEventId, unpin.id);
  });

  it('lowers stock, keeps it at an equal count, and raises it only on a restock', () => {
    const stockOf = (fields: { stock: number; restock?: boolean }) =>
      applyLiveEvent(room, event({ type: 'stock', productId: 'p2', ...fields })).bag.map((i) => i.stock);
    assert.deepEqual(stockOf({ stock: 4 }), [10, 4], 'only the item named');
    assert.deepEqual(stockOf({ stock: 10 }), [10, 10]);
    assert.deepEqual(stockOf({ stock: 12 }), [10, 10], 'a higher count without a restock is stale');
    assert.deepEqual(stockOf({ stock: 12, restock: true }), [10, 12]);
  });

  it('replaces the whole price state: a flash sale starts with its original price and end, and ends without them', () => {
    const sale = event({
      type: 'price',
      productId: 'p1',
      price: 5900,
      originalPrice: 9900,
      flashSaleEndsAt: 1_790_000_600_000,
    });
    const onSale = applyLiveEvent(room, sale);
    assert.deepEqual(
      onSale.bag[0],
      item('p1', { price: 5900, originalPrice: 9900, flashSaleEndsAt: 1_790_000_600_000 }),
    );
    assert.deepEqual(onSale.bag[1], room.bag[1]);
    const ended = applyLiveEvent(onSale, event({ type: 'price', productId: 'p1', price: 9900 }));
    assert.deepEqual(ended.bag[0], item('p1'));
    const originalOnly = applyLiveEvent(
      room,
      event({ type: 'price', productId: 'p1', price: 8900, originalPrice: 9900 }),
    );
    assert.deepEqual(originalOnly.bag[0], item('p1', { price: 8900, originalPrice: 9900 }));
  });

  it('adds a product at the end of the bag, replacing one with the same id', () => {
    const added = event({ type: 'product_added', item: item('p3', { index: 3 }) });
    assert.deepEqual(
      applyLiveEvent(room, added).bag.map((i) => i.productId),
      ['p1', 'p2', 'p3'],
    );
    const again = event({ type: 'product_added', item: item('p1', { index: 3, price: 100 }) });
    assert.deepEqual(applyLiveEvent(room, again).bag, [room.bag[1], item('p1', { index: 3, price: 100 })]);
  });

  it('removes a product, and unpins it only when it was the one pinned', () => {
    const pinnedGone = applyLiveEvent(room, event({ type: 'product_removed', productId: 'p1' }));
    assert.deepEqual(pinnedGone.bag, [room.bag[1]]);
    assert.equal('pinnedProductId' in pinnedGone, false);
    const otherGone = applyLiveEvent(room, event({ type: 'product_removed', productId: 'p2' }));
    assert.deepEqual(otherGone.bag, [room.bag[0]]);
    assert.equal(otherGone.pinnedProductId, 'p1');
  });

  it('applies any event to a room that has no last event id yet', () => {
    const fresh: LiveRoom = { ...room };
    delete fresh.lastEventId;
    const e = { id: '1', at: 1, type: 'viewers', viewers: 7 } as LiveEvent;
    assert.deepEqual(applyLiveEvent(fresh, e), { ...fresh, viewers: 7, lastEventId: '1' });
  });

  it('changes nothing for an event the room already has, or an older one', () => {
    assert.equal(applyLiveEvent(room, { id: 'e1-5', at: 1, type: 'heat', heat: 1 } as LiveEvent), room);
    assert.equal(applyLiveEvent(room, { id: 'e1-4', at: 1, type: 'heat', heat: 1 } as LiveEvent), room);
  });
});

describe('the order of live event ids', () => {
  it('orders ids of one epoch by their number, and not ids of two epochs or malformed ones', () => {
    assert.equal(compareLiveEventIds('e1-5', 'e1-5'), 0);
    assert.equal(compareLiveEventIds('resume', 'resume'), 0, 'the same id, even one without a number');
    assert.equal(compareLiveEventIds('e1-4', 'e1-5'), -1);
    assert.equal(compareLiveEventIds('12', '3'), 9);
    assert.equal(compareLiveEventIds('e1-4', 'e2-5'), undefined);
    assert.equal(compareLiveEventIds('e1-4x', 'e1-5'), undefined, 'junk after the number');
    assert.equal(compareLiveEventIds('e1-5', 'e1-4x'), undefined, 'junk after the other number');
    assert.equal(compareLiveEventIds('5', 'x4'), undefined, 'junk before a number without an epoch');
  });
});
