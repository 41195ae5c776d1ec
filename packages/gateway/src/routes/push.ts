import { Hono, type Context } from 'hono';
import { errorResponse } from '../http/errors.js';
import { PushRejected } from '../wechat/push-crypto.js';
import type { PushHub } from '../wechat/push.js';
import type { RouteDeps } from './deps.js';

/** Pushes are a few hundred bytes; anything near this is not WeChat. */
export const maxPushBytes = 64 * 1024;

/** WeChat waits 5 s for `success`; work that takes longer goes on after the answer. */
const defaultAnswerWithinMs = 4_000;

const statusByReason = {
  signature: 401,
  appid: 403,
  decrypt: 400,
  stale: 400,
  replay: 409,
  body: 400,
  size: 413,
} as const;

/**
 * `GET /v1/wechat/push` (WeChat's URL check) and `POST /v1/wechat/push` (signed, encrypted pushes). A push
 * that fails a check is refused, logged and never processed; a valid one is answered `success` as soon as
 * it is applied, and within 4 s however long that takes.
 */
export function pushRoutes(deps: RouteDeps, hub: PushHub | undefined, answerWithinMs = defaultAnswerWithinMs): Hono {
  const refuse = (c: Context, error: unknown): Response => {
    if (!(error instanceof PushRejected)) throw error;
    deps.log({
      level: 'warn',
      msg: 'push rejected',
      requestId: c.get('requestId' as never),
      reason: error.reason,
      detail: error.message,
    });
    return errorResponse(c, statusByReason[error.reason], 'bad_request', error.message);
  };
  const needHub = (c: Context) =>
    errorResponse(
      c,
      501,
      'not_found',
      'Pushes are not configured: set WECHAT_PUSH_TOKEN and WECHAT_PUSH_AES_KEY to what 消息推送 in 小店后台 shows',
    );

  return new Hono()
    .get('/', (c) => {
      if (!hub) return needHub(c);
      try {
        return c.text(hub.verifyUrl(c.req.query()), 200, { 'Cache-Control': 'no-store' });
      } catch (error) {
        return refuse(c, error);
      }
    })
    .post('/', async (c) => {
      if (!hub) return needHub(c);
      const declared = Number(c.req.header('content-length') ?? 0);
      const body = declared > maxPushBytes ? undefined : await c.req.text();
      if (body === undefined || new TextEncoder().encode(body).length > maxPushBytes) {
        return refuse(c, new PushRejected('size', `The push body is larger than ${maxPushBytes} bytes`));
      }
      const work = hub.receive(c.req.query(), body);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), answerWithinMs)));
      try {
        const outcome = await Promise.race([work, late]);
        if (outcome === 'late') {
          work.then(
            (done) => deps.log({ level: 'info', msg: 'push applied after the answer', event: done.event }),
            (error: unknown) => deps.log({ level: 'error', msg: 'push failed after the answer', error: String(error) }),
          );
        } else {
          deps.log({
            level: 'info',
            msg: outcome.applied ? 'push applied' : 'push ignored (duplicate or no change)',
            requestId: c.get('requestId' as never),
            event: outcome.event,
          });
        }
        return c.text('success', 200, { 'Cache-Control': 'no-store' });
      } catch (error) {
        if (error instanceof PushRejected) return refuse(c, error);
        deps.log({ level: 'error', msg: 'push failed', requestId: c.get('requestId' as never), error: String(error) });
        // An HTTP error makes WeChat deliver it again later.
        return errorResponse(c, 503, 'upstream', 'The push could not be applied now; WeChat will deliver it again');
      } finally {
        clearTimeout(timer);
      }
    });
}
