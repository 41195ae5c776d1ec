import type { LiveBagItem, LiveEvent, LiveRoom } from './live.js';

const idPattern = /^(?:(.*)-)?([0-9]{1,15})$/;

/**
 * The order of two event ids of one room: negative when `a` came first, 0 for the same event, positive
 * when `a` came later, undefined when they cannot be compared. Ids are `<n>` or `<epoch>-<n>`, `n`
 * counting up from the server's start; ids of different epochs (another run of the server, another
 * replica) are not ordered.
 */
export function compareLiveEventIds(a: string, b: string): number | undefined {
  if (a === b) return 0;
  const left = idPattern.exec(a);
  const right = idPattern.exec(b);
  if (!left || !right || (left[1] ?? '') !== (right[1] ?? '')) return undefined;
  return Number(left[2]) - Number(right[2]);
}

/**
 * Applies one event to a room, returning the new room: what a widget and a test both use. An event the room
 * already includes, or one older than it (a repeat, or a reordered delivery), changes nothing: the same room
 * object comes back. Stock never rises unless the event says the item was restocked.
 */
export function applyLiveEvent(room: LiveRoom, event: LiveEvent): LiveRoom {
  const order = room.lastEventId === undefined ? undefined : compareLiveEventIds(event.id, room.lastEventId);
  if (order !== undefined && order <= 0) return room;
  const next: LiveRoom = { ...room, lastEventId: event.id };
  const updateItem = (productId: string, change: (item: LiveBagItem) => LiveBagItem) => {
    next.bag = room.bag.map((item) => (item.productId === productId ? change(item) : item));
  };
  switch (event.type) {
    case 'snapshot':
      return { ...event.room, lastEventId: event.id };
    case 'status':
      next.status = event.status;
      next.statusCode = event.statusCode;
      next.replay = event.replay;
      break;
    case 'viewers':
      next.viewers = event.viewers;
      break;
    case 'heat':
      next.heat = event.heat;
      break;
    case 'pin':
      if (event.productId === null) delete next.pinnedProductId;
      else next.pinnedProductId = event.productId;
      break;
    case 'stock':
      updateItem(event.productId, (item) =>
        event.stock <= item.stock || event.restock === true ? { ...item, stock: event.stock } : item,
      );
      break;
    case 'price':
      updateItem(event.productId, (item) => {
        // A price event replaces the whole price state: a flash sale's end clears its countdown.
        const updated: LiveBagItem = { ...item, price: event.price };
        delete updated.originalPrice;
        delete updated.flashSaleEndsAt;
        if (event.originalPrice !== undefined) updated.originalPrice = event.originalPrice;
        if (event.flashSaleEndsAt !== undefined) updated.flashSaleEndsAt = event.flashSaleEndsAt;
        return updated;
      });
      break;
    case 'product_added':
      next.bag = [...room.bag.filter((item) => item.productId !== event.item.productId), event.item];
      break;
    case 'product_removed':
      next.bag = room.bag.filter((item) => item.productId !== event.productId);
      if (next.pinnedProductId === event.productId) delete next.pinnedProductId;
      break;
  }
  return next;
}
