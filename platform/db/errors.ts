function codeOf(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

/** A write refused by a UNIQUE index: two requests raced, and the index decided. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  // SQLite's extended code; PostgreSQL's SQLSTATE unique_violation.
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/** PostgreSQL gave up a transaction that conflicted with another: running it again may succeed. */
export function isRetryableConflict(error: unknown): boolean {
  const code = codeOf(error);
  // serialization_failure, deadlock_detected.
  return code === '40001' || code === '40P01';
}

// node-postgres says so in words when the pool or a client cannot reach the server in time, or
// the server went away in the middle of a query.
const UNREACHABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /connection timeout/i,
  /Client has encountered a connection error/i,
];

/**
 * The database cannot be reached right now (down, restarting, refusing connections): the
 * request may succeed later, so the platform answers 503 rather than 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = codeOf(error);
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code))
      return true;
    // admin_shutdown, crash_shutdown, cannot_connect_now; class 08: connection exceptions.
    if (code === '57P01' || code === '57P02' || code === '57P03' || /^08/.test(code)) return true;
  }
  if (error instanceof AggregateError && error.errors.some(isDatabaseUnavailable)) return true;
  if (UNREACHABLE_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  return error.cause !== undefined && error.cause !== error && isDatabaseUnavailable(error.cause);
}
