import {
  XiaodianError,
  liveEventSchema,
  liveRoomSchema,
  shopSchema,
  type LiveEvent,
  type LiveRoom,
  type Shop,
} from '@xiaodian/model';

export interface Checkable<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

/** Parses with a zod schema, turning a failure into `invalid_response` that says where and why. */
export function check<T>(schema: Checkable<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue ? ` at ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : '';
  throw new XiaodianError('invalid_response', `${what} failed validation${where}`);
}

/** `undefined` instead of a throw: for cache reads, where a bad entry is simply dropped. */
export function valid<T>(schema: Checkable<T>): (value: unknown) => T | undefined {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
}

// Kept apart from the product checks: product cards never load zod or these schemas.
export const checkShop = (value: unknown, what: string): Shop => check(shopSchema, value, what);
export const checkLiveRoom = (value: unknown, what: string): LiveRoom => check(liveRoomSchema, value, what);
export const checkLiveEvent = (value: unknown, what: string): LiveEvent => check(liveEventSchema, value, what);
