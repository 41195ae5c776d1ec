import {
  defaultPageSize,
  guarantees,
  isAppid,
  isFinderUserName,
  isGuarantee,
  maxPageSize,
  maxQueryLength,
  searchSorts,
  type Guarantee,
  type PageRequest,
  type SearchSort,
} from '@xiaodian/model';
import { BadRequest } from './errors.js';

// Readers for path and query values. Each returns a clean value or throws a BadRequest that names the
// parameter, what was wrong and what is accepted, so a developer can fix the call from the message alone.

/** Cursors are opaque to callers but always short and URL-safe; anything else is not ours. */
const cursorPattern = /^[A-Za-z0-9_.~=-]{1,200}$/;

export function readAppid(value: string | undefined, name = 'appid'): string {
  if (value === undefined || !isAppid(value)) {
    throw new BadRequest(`"${name}" must be an appid ("wx" and 16 hex digits); got ${show(value)}`, 'invalid_ref');
  }
  return value;
}

export function readFinderUserName(value: string | undefined): string {
  if (value === undefined || !isFinderUserName(value)) {
    throw new BadRequest(
      `"finder_user_name" must be a 视频号 id ("sph" and 3–40 letters, digits, "_" or "-"); got ${show(value)}`,
      'invalid_ref',
    );
  }
  return value;
}

export function readPage(query: (name: string) => string | undefined): PageRequest {
  const page: PageRequest = { limit: readInteger(query('limit'), 'limit', 1, maxPageSize) ?? defaultPageSize };
  const cursor = query('cursor');
  if (cursor !== undefined && cursor !== '') {
    if (!cursorPattern.test(cursor)) throw new BadRequest(`"cursor" is not a cursor this gateway issued`);
    page.cursor = cursor;
  }
  return page;
}

export function readInteger(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[0-9]{1,16}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new BadRequest(`"${name}" must be a whole number from ${min} to ${max}; got ${show(value)}`);
  }
  return Number(value);
}

export function readText(value: string | undefined, name: string, options: { required: boolean }): string {
  const text = (value ?? '').trim();
  if (options.required && text === '') throw new BadRequest(`Query parameter "${name}" is required`);
  if (Array.from(text).length > maxQueryLength) {
    throw new BadRequest(`"${name}" may be at most ${maxQueryLength} characters`);
  }
  // Control characters have no business in a search box and would end up in logs.
  if (/\p{Cc}/u.test(text)) throw new BadRequest(`"${name}" must not contain control characters`);
  return text;
}

export function readSort(value: string | undefined): SearchSort | undefined {
  if (value === undefined || value === '') return undefined;
  if (!(searchSorts as readonly string[]).includes(value)) {
    throw new BadRequest(`"sort" must be one of ${searchSorts.join(', ')}; got ${show(value)}`);
  }
  return value as SearchSort;
}

/** `guarantee=a,b` and repeated `guarantee=a&guarantee=b` both mean "offers every one of these". */
export function readGuarantees(values: readonly string[] | undefined): Guarantee[] | undefined {
  const names = (values ?? []).flatMap((value) => value.split(',')).filter((name) => name !== '');
  if (names.length === 0) return undefined;
  for (const name of names) {
    if (!isGuarantee(name))
      throw new BadRequest(`"guarantee" must be among ${guarantees.join(', ')}; got ${show(name)}`);
  }
  return [...new Set(names)] as Guarantee[];
}

function show(value: string | undefined): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}
