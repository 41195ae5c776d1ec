/**
 * Synchronous key-value storage that survives a reload, so a repeat visit renders from cache at once.
 * Both browsers (`localStorage`) and mini programs (`wx.getStorageSync`) offer it synchronously.
 * Implementations swallow quota and access errors: a cache that cannot write is only slower.
 */
export interface PersistentStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** The part of the Web Storage API the store needs. */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** `localStorage` (or any Web Storage). Returns undefined where storage is unavailable (some privacy modes). */
export function webStorageStore(storage?: WebStorageLike): PersistentStore | undefined {
  let target = storage;
  if (!target) {
    try {
      target = (globalThis as { localStorage?: WebStorageLike }).localStorage;
    } catch {
      // Reading localStorage throws when storage is blocked: no store, as where there is none.
    }
  }
  if (!target) return undefined;
  const store = target;
  return {
    get(key) {
      try {
        return store.getItem(key) ?? undefined;
      } catch {
        // A storage that refuses reads answers as if empty.
      }
      return undefined;
    },
    set(key, value) {
      try {
        store.setItem(key, value);
      } catch {
        // Quota exceeded: keep working from memory.
      }
    },
    remove(key) {
      try {
        store.removeItem(key);
      } catch {
        // Nothing to do: the entry will expire on read.
      }
    },
  };
}

/** The storage calls of the mini-program `wx` object. */
export interface WxStorageLike {
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: string): void;
  removeStorageSync(key: string): void;
}

/** Mini-program storage through `wx.getStorageSync` / `wx.setStorageSync` (10 MB per mini program). */
export function wxStorageStore(wx: WxStorageLike): PersistentStore {
  return {
    get(key) {
      try {
        const value = wx.getStorageSync(key);
        // wx answers "" for a missing key.
        return typeof value === 'string' && value !== '' ? value : undefined;
      } catch {
        // A storage that refuses reads answers as if empty.
      }
      return undefined;
    },
    set(key, value) {
      try {
        wx.setStorageSync(key, value);
      } catch {
        // Storage full: keep working from memory.
      }
    },
    remove(key) {
      try {
        wx.removeStorageSync(key);
      } catch {
        // Nothing to do.
      }
    },
  };
}
