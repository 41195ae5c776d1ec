import type { ClientCore, XiaodianClient } from './client.js';

// The internals of each client, kept off its public surface: only modules of this package reach them.
const cores = new WeakMap<XiaodianClient, ClientCore>();

export function setCore(client: XiaodianClient, core: ClientCore): void {
  cores.set(client, core);
}

export function coreOf(client: XiaodianClient): ClientCore {
  const core = cores.get(client);
  if (!core) throw new TypeError('Not a client made by createClient');
  return core;
}
