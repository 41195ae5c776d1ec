import { XiaodianError } from '@xiaodian/model';
import type { CallOptions, ClientCore } from './client.js';
import { abortedError } from './signals.js';

// Loaded with the search resources (never by a page of product cards): the call each `supersede` key is
// waiting for, per client and method, so the next one with that key can abort it.
const latestByClient = new WeakMap<ClientCore, Map<string, AbortController>>();

/** Runs `run`; a newer call with the same method and `supersede` key aborts it, and it rejects at once. */
export async function latestOnly<T>(
  core: ClientCore,
  method: string,
  callOptions: CallOptions,
  run: (options: CallOptions) => Promise<T>,
): Promise<T> {
  if (callOptions.supersede === undefined) return run(callOptions);
  let latestCalls = latestByClient.get(core);
  if (!latestCalls) latestByClient.set(core, (latestCalls = new Map()));
  const key = `${method}:${callOptions.supersede}`;
  latestCalls.get(key)?.abort(new XiaodianError('aborted', `A newer ${method} call superseded this one`));
  const controller = new AbortController();
  latestCalls.set(key, controller);
  const outer = callOptions.signal;
  const forward = () => controller.abort(abortedError());
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  // Rejects the moment this call is superseded, whatever the request is still doing.
  const superseded = new Promise<never>((_resolve, reject) => {
    const fail = () => reject(XiaodianError.from(controller.signal.reason));
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail, { once: true });
  });
  try {
    return await Promise.race([run({ ...callOptions, signal: controller.signal }), superseded]);
  } finally {
    outer?.removeEventListener('abort', forward);
    if (latestCalls.get(key) === controller) latestCalls.delete(key);
  }
}
