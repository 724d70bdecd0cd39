import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isRetryableConflict, isUniqueViolation } from './errors';

const withCode = (code: string, message = 'refus') => Object.assign(new Error(message), { code });

describe('database errors, from either engine', () => {
  it('tells a unique violation from SQLite and from PostgreSQL, and nothing else', () => {
    expect(isUniqueViolation(withCode('SQLITE_CONSTRAINT_UNIQUE'))).toBe(true);
    expect(isUniqueViolation(withCode('23505'))).toBe(true);
    expect(isUniqueViolation(withCode('SQLITE_CONSTRAINT_FOREIGNKEY'))).toBe(false);
    expect(isUniqueViolation(withCode('23503'))).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
  });

  it('retries serialization failures and deadlocks only', () => {
    expect(isRetryableConflict(withCode('40001'))).toBe(true);
    expect(isRetryableConflict(withCode('40P01'))).toBe(true);
    expect(isRetryableConflict(withCode('23505'))).toBe(false);
  });

  it('calls a database that cannot be reached unavailable, not a query that is wrong', () => {
    expect(isDatabaseUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(
      isDatabaseUnavailable(withCode('57P01', 'terminating connection due to administrator command')),
    ).toBe(true);
    expect(isDatabaseUnavailable(withCode('57P03', 'the database system is starting up'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('08006'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('échec', { cause: withCode('ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnavailable(withCode('42P01', 'relation "x" does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('23505'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('SQLITE_BUSY'))).toBe(false);
  });
});
