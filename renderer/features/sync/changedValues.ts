/**
 * The fields of a form that differ from the row it was opened on. Sending only these lets the
 * sync merge them with other people's changes to the other fields, instead of overwriting them.
 */
export function changedValues<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = after[key];
  }
  return changed;
}
