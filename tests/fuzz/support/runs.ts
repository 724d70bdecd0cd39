import fc from 'fast-check';

/**
 * How hard the fuzz suites push. `npm test` uses the defaults (fast enough for CI);
 * `npm run fuzz -- --runs 200000` sets FUZZ_RUNS for a long run before a release, and
 * FUZZ_SEED replays a failure (fast-check prints the seed and the path of a failing run).
 */
export function fuzzRuns(ciDefault: number): number {
  const wanted = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : ciDefault;
}

/** fast-check parameters shared by every fuzz suite: seeded, reproducible, verbose on failure. */
export function fuzzParameters(ciDefault: number): fc.Parameters<unknown> {
  const seed = Number(process.env.FUZZ_SEED);
  return {
    numRuns: fuzzRuns(ciDefault),
    ...(Number.isInteger(seed) ? { seed } : {}),
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
    verbose: 1,
  };
}

/** Strings a hostile client sends: huge, NUL bytes, lone surrogates, prototype keys, markup. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 64 }),
    fc.string({ unit: 'grapheme', maxLength: 32 }),
    fc.constantFrom(
      '',
      '\u0000',
      'a\u0000b',
      '\uD800',
      'x\uDFFFy',
      '__proto__',
      'constructor',
      'prototype',
      '<script>alert(1)</script>',
      '=HYPERLINK("http://evil")',
      '../../etc/passwd',
      '%E0%A4%A',
      "' OR 1=1 --",
      'a'.repeat(70_000),
    ),
  );

/** Any JSON value a client could send, nesting and prototype keys included. */
export const hostileJson = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue({ maxDepth: 4 }),
    fc.dictionary(hostileString(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
    fc.constantFrom<unknown>(
      null,
      undefined,
      [],
      {},
      JSON.parse('{"__proto__":{"polluted":true}}'),
      { constructor: { prototype: { polluted: true } } },
      nest(200),
    ),
    hostileString(),
  );

function nest(depth: number): unknown {
  let value: unknown = 'fond';
  for (let i = 0; i < depth; i += 1) value = { a: [value] };
  return value;
}
