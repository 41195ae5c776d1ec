import { XiaodianError } from '@xiaodian/model';
import type { Transport, TransportResponse } from './transport.js';

/** What `wx.request` takes, as the mini-program runtime documents it. */
export interface WxRequestOptions {
  url: string;
  method: 'GET' | 'POST';
  header: Record<string, string>;
  data?: string;
  dataType: 'json' | 'other';
  responseType: 'text';
  timeout?: number;
  success(result: { statusCode: number; header: Record<string, string>; data: unknown; errMsg?: string }): void;
  fail(error: { errMsg: string; errno?: number }): void;
}

export interface WxRequestTask {
  abort(): void;
}

/** The part of the mini-program `wx` object the transport needs. */
export interface WxLike {
  request(options: WxRequestOptions): WxRequestTask;
}

function headerLookup(header: Record<string, string>): (name: string) => string | undefined {
  const lower = new Map(Object.entries(header ?? {}).map(([key, value]) => [key.toLowerCase(), String(value)]));
  return (name) => lower.get(name.toLowerCase());
}

/**
 * `wx.request` for the mini-program runtime (the gateway's domain must be on the mini program's
 * request allowlist). It cannot stream, so live subscriptions poll there.
 */
export function wxTransport(wx: WxLike): Transport {
  return {
    request(request) {
      return new Promise<TransportResponse>((resolve, reject) => {
        if (request.signal.aborted) return reject(new XiaodianError('aborted', 'The request was aborted'));
        const onAbort = () => {
          task.abort();
          finish(() => reject(new XiaodianError('aborted', 'The request was aborted')));
        };
        // A promise settles once: the `fail` that wx sends after our own abort, or a late `success`, changes
        // nothing, so no flag guards against them.
        const finish = (action: () => void) => {
          request.signal.removeEventListener('abort', onAbort);
          action();
        };
        const task = wx.request({
          url: request.url,
          method: request.method,
          header: request.headers,
          ...(request.body !== undefined ? { data: request.body } : {}),
          // Raw text: the body is parsed here so a non-JSON error page cannot break the runtime's parser.
          dataType: 'other',
          responseType: 'text',
          success(result) {
            finish(() =>
              resolve({
                status: result.statusCode,
                header: headerLookup(result.header),
                async json() {
                  if (typeof result.data !== 'string') return result.data;
                  try {
                    return JSON.parse(result.data) as unknown;
                  } catch {
                    // Not JSON (a proxy's error page): undefined, as Transport's json() promises.
                  }
                  return undefined;
                },
              }),
            );
          },
          fail(error) {
            const message = error.errMsg ?? '';
            finish(() =>
              reject(
                /abort/i.test(message)
                  ? new XiaodianError('aborted', 'The request was aborted')
                  : /timeout/i.test(message)
                    ? new XiaodianError('timeout', `wx.request timed out: ${message}`)
                    : new XiaodianError('offline', `wx.request failed: ${message}`),
              ),
            );
          },
        });
        request.signal.addEventListener('abort', onAbort);
      });
    },
  };
}
