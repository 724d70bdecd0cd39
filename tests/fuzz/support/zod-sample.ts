import type { z } from '../../../shared/zod';

// A plausible value of a zod schema, read from its definition, so that a fuzz run can change
// one field of an otherwise well-formed input: hostile values then reach each field's own
// checks instead of all stopping at the first wrong type. "Plausible", not valid: regexes and
// refinements are not solved (a Siret is "Texte"), which the fuzz does not need.

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as z.ZodType)._zod.def as unknown as Def;

const STRINGS: Record<string, string> = {
  uuid: '0f000000-0000-4000-8000-000000000001',
  date: '2026-09-01',
  datetime: '2026-01-10T09:00:00.000Z',
  email: 'claire.lacoste@exemple.fr',
  url: 'https://exemple.fr',
};

export function sampleOf(schema: unknown, depth = 0): unknown {
  if (depth > 8) return null;
  const def = defOf(schema);
  const inner = (key: string) => sampleOf(def[key], depth + 1);
  switch (def.type) {
    case 'string':
      return STRINGS[String(def.format)] ?? 'Texte';
    case 'number':
    case 'int':
      return 1;
    case 'bigint':
      return 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'lazy':
      return sampleOf((def.getter as () => unknown)(), depth + 1);
    case 'union':
      return sampleOf((def.options as unknown[])[0], depth + 1);
    case 'intersection':
      return { ...(inner('left') as object), ...(inner('right') as object) };
    case 'array':
      return [inner('element')];
    case 'tuple':
      return (def.items as unknown[]).map((item) => sampleOf(item, depth + 1));
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, unknown>).map(([key, value]) => [
          key,
          sampleOf(value, depth + 1),
        ]),
      );
    default:
      // record, unknown, any...: an empty object is as plausible as anything.
      return {};
  }
}

/** Every path inside a value (objects and arrays), the root (`[]`) included. */
export function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

/** A copy of `value` with the value at `path` replaced (defined as an own property, whatever its key). */
export function withValueAt(
  value: unknown,
  path: readonly (string | number)[],
  replacement: unknown,
): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (
    Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) }
  ) as Record<string | number, unknown>;
  Object.defineProperty(copy, head!, {
    value: withValueAt(copy[head!], rest, replacement),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}
