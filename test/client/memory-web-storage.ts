import type { WebStorageLike } from '@xiaodian/client';

/** A Web Storage over a Map the test can read and edit (`data`), for `webStorageStore`. */
export function memoryWebStorage(): { data: Map<string, string>; storage: WebStorageLike } {
  const data = new Map<string, string>();
  const storage: WebStorageLike = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
  return { data, storage };
}
