import { sql, type RawBuilder } from 'kysely';
import { dialectOf, type DialectSource } from './kind';

// The platform keeps JSON arrays in text columns (the same column type on both engines):
// SQLite reads them with json_each, PostgreSQL with jsonb_array_elements over a cast.

/** The JSON array of strings in `column` holds one of `values`. */
export function jsonArrayHasAny(
  db: DialectSource,
  column: string,
  values: readonly string[],
): RawBuilder<boolean> {
  if (values.length === 0) return sql<boolean>`1 = 0`;
  const list = sql.join(values);
  return dialectOf(db) === 'postgres'
    ? sql<boolean>`exists (select 1 from jsonb_array_elements_text(${sql.ref(column)}::jsonb) as c(value)
        where c.value in (${list}))`
    : sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}) as c where c.value in (${list}))`;
}

/** The JSON array of objects in `column` has an element whose `field` is one of `values`. */
export function jsonArrayFieldHasAny(
  db: DialectSource,
  column: string,
  field: string,
  values: readonly string[],
): RawBuilder<boolean> {
  if (values.length === 0) return sql<boolean>`1 = 0`;
  const list = sql.join(values);
  return dialectOf(db) === 'postgres'
    ? sql<boolean>`exists (select 1 from jsonb_array_elements(${sql.ref(column)}::jsonb) as d(value)
        where d.value ->> ${sql.lit(field)} in (${list}))`
    : sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}) as d
        where json_extract(d.value, ${sql.lit(`$.${field}`)}) in (${list}))`;
}
