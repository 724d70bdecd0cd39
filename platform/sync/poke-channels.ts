// The names a feed entry is announced under (see ./pokes.ts announceChange), in a module of their
// own so that the database layer can register the SQLite side without importing the sync layer.

/** The channel of PostgreSQL's NOTIFY that carries pokes between instances. */
export const POKE_CHANNEL = 'feed_pokes';

/** The name of the SQLite function a transaction publishes its pokes through (see db/open.ts). */
export const SQLITE_POKE_FUNCTION = 'feed_poke';
