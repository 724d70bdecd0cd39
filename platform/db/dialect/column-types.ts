import type { ColumnDataType, ColumnDefinitionBuilder } from 'kysely';
import { dialectOf, type DialectSource } from './kind';

/**
 * A floating-point column (coordinates). SQLite's REAL is an 8-byte double; PostgreSQL's `real`
 * is 4 bytes, which would move a commune by metres and change distance orders.
 */
export function floatType(db: DialectSource): ColumnDataType {
  return dialectOf(db) === 'postgres' ? 'double precision' : 'real';
}

/** An integer key numbered by the database: SQLite's AUTOINCREMENT, PostgreSQL's serial. */
export function autoIncrementKey(db: DialectSource): {
  type: ColumnDataType;
  build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
} {
  return dialectOf(db) === 'postgres'
    ? { type: 'serial', build: (column) => column.primaryKey() }
    : { type: 'integer', build: (column) => column.primaryKey().autoIncrement() };
}
