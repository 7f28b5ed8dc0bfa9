/** SQLite's current time in whole milliseconds since the epoch (the 'subsec' modifier needs SQLite 3.42). */
const SQLITE_NOW_MS = `CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER)`;

/**
 * One statement, so that instances sharing the file (each its own connection) cannot both win: the row is
 * inserted when absent, taken over when the holder is the same or the lease expired, and left alone otherwise,
 * in which case RETURNING yields no row (the caller then does not hold the lease). Expiry is computed and compared
 * with SQLite's own clock ('now' is the same for the whole statement), never with the calling instance's, so a
 * process whose clock is skewed or faked can neither steal a valid lease nor keep one past its term. Times are
 * milliseconds since the epoch. Parameters: `@name`, `@holder`, `@ttlMs`.
 */
export const ACQUIRE_LEASE_SQL = `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, ${SQLITE_NOW_MS} + @ttlMs)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at < ${SQLITE_NOW_MS}
       RETURNING holder`;

/** Only the holder's own lease is released; someone else's is left alone. */
export const RELEASE_LEASE_SQL = 'DELETE FROM leases WHERE name = ? AND holder = ?';
