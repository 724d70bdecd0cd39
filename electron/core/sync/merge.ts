import { isDeepStrictEqual } from 'node:util';

export type Fields = Record<string, unknown>;

export interface FieldConflict {
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  /** What still has to be sent: my changes the platform does not already have. */
  payload: Fields;
  /** Fields both sides changed differently: the user decides. */
  conflicts: Record<string, FieldConflict>;
}

/**
 * Three-way merge of a local change against the platform's current state, field by field:
 * a field only I changed keeps my value; a field the platform changed and I did not is
 * already theirs; the same new value on both sides is no conflict; different new values are.
 */
export function mergeChange(base: Fields, mine: Fields, theirs: Fields): MergeResult {
  const payload: Fields = {};
  const conflicts: Record<string, FieldConflict> = {};
  for (const [field, value] of Object.entries(mine)) {
    const theirsValue = theirs[field];
    if (isDeepStrictEqual(theirsValue, value)) continue;
    // Set back to where it started (an amended change): nothing of mine left, theirs stands.
    if (isDeepStrictEqual(value, base[field])) continue;
    if (isDeepStrictEqual(theirsValue, base[field])) payload[field] = value;
    else conflicts[field] = { base: base[field], mine: value, theirs: theirsValue };
  }
  return { payload, conflicts };
}
