import type { LiveBagItem, LiveEvent, LiveRoom } from './live.js';

/** Applies one event to a room, returning the new room: what a widget and a test both use. */
export function applyLiveEvent(room: LiveRoom, event: LiveEvent): LiveRoom {
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
      updateItem(event.productId, (item) => ({ ...item, stock: event.stock }));
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
