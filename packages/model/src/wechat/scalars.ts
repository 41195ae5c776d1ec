import { z } from 'zod/mini';

/**
 * A uint64 id. WeChat documents ids as strings but some tables (and some responses) type them as
 * numbers; a number is accepted only while it is exact, since a JS number past 2^53 has already lost digits.
 */
export const wechatId = z.pipe(
  z.union([
    z.string().check(z.regex(/^[0-9]{1,20}$/, 'expected a decimal id')),
    z
      .number()
      .check(
        z.refine(
          (n) => Number.isSafeInteger(n) && n >= 0,
          'numeric id is not an exact non-negative integer (beyond 2^53 it has lost precision; send it as a string)',
        ),
      ),
  ]),
  z.transform((value) => String(value)),
);

/**
 * Integer fen, never negative. Written with `z.int()` and `z.gte()` rather than a refinement so the rule
 * survives conversion to JSON Schema (the browser's compiled validators are generated from it).
 */
export const fen = z.int('expected an integer amount in fen').check(z.gte(0, 'expected a non-negative amount in fen'));

/** A count or enum WeChat may send as a number or a numeric string. */
export const looseInt = z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^-?[0-9]+$/, 'expected an integer'))]),
  z.transform((value) => Number(value)),
);

/** 0/1 flags, sometimes booleans. */
export const flag = z.pipe(
  z.union([z.literal(0), z.literal(1), z.boolean()]),
  z.transform((v) => v === 1 || v === true),
);
