import pg from 'pg';
import {
  AppendListeners,
  type AppendListener,
  toStoredEvent,
  toStoredMetadata,
  validateAfterVersion,
  validateAppend,
  validateReadAll,
  validateTime,
} from '../appendRules';
import type { NewEvent, RecordedEvent } from '../../envelope';
import { logHeadOf, type LogHead } from '../logHead';
import type { AppendOptions, AppendResult, CommandRecord, EventStore } from '../eventStore';
import { redactUrl } from '../../../shared/redactUrl';
import { EVENT_COLUMNS, toCommandRecord, toRecordedEvent, type CommandRow, type EventRow } from '../sqlRows';
import { GroupCommitWriter } from './postgresGroupCommit';
import { NOTIFY_CHANNEL, migrate } from './postgresMigrations';

/**
 * The event log in PostgreSQL.
 *
 * Global order without gaps for readers: every append takes one transaction-scoped advisory lock (a single
 * writer at a time across all connections and service instances), so positions are assigned and committed in
 * the same order. A reader that sees position n has therefore seen every position below n: the classic
 * sequence problem (a later position committed before an earlier one) cannot happen. The same lock orders the
 * hash chain.
 *
 * Group commit (postgresGroupCommit.ts): this process's appends are queued and written in batches, one transaction
 * each, sealed (positions, hashes, commit times) here. A lone append is sealed on the cached head and sent in one
 * round trip (`par_append_batch` checks the head); a batch, or an append another process got ahead of, is sealed
 * under the append lock on the true head (postgresLockedBatch.ts), so it is never stale and never retried.
 */

export class PostgresEventStore implements EventStore {
  private readonly listeners = new AppendListeners();
  private listenClient: pg.Client | null = null;
  /** First event ids of this process's batches: their notifications come back to us and are not news. */
  private readonly ownAppends = new Set<string>();
  private readonly writer: GroupCommitWriter;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    head: LogHead,
  ) {
    this.writer = new GroupCommitWriter(
      pool,
      head,
      () => this.listeners.notify(),
      (firstEventId) => {
        this.ownAppends.add(firstEventId);
        // Our own notification travels back on the listening connection, possibly after the call returns.
        setTimeout(() => this.ownAppends.delete(firstEventId), 1000).unref();
      },
    );
  }

  /** Connects, applies pending migrations (one instance at a time) and listens for appends by other processes. */
  static async connect(url: string, options: { poolSize?: number } = {}): Promise<PostgresEventStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 });
    // An idle client losing its connection must not crash the service; the pool replaces it.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL pool: ${error.message}`));
    try {
      await migrate(pool);
      const store = new PostgresEventStore(pool, url, await readHead(pool));
      await store.listen();
      return store;
    } catch (error) {
      await pool.end().catch(() => undefined);
      // No `cause`: a URL parse error carries the whole URL, password included, and loggers print causes.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`cannot use PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`);
    }
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events, options);
    const stored = events.map(toStoredEvent);
    const metadata = toStoredMetadata(options.metadata);
    const sealed = await new Promise<RecordedEvent[]>((resolve, reject) =>
      this.writer.append({
        streamId,
        events: stored,
        metadata,
        expectedVersion: options.expectedVersion === 'any' ? null : options.expectedVersion,
        command: options.command ? { commandId: options.command.commandId, fingerprint: options.command.fingerprint } : null,
        resolve,
        reject,
      }),
    );
    const last = sealed[sealed.length - 1];
    return { streamId, streamVersion: last.streamVersion, firstPosition: sealed[0].globalPosition, lastPosition: last.globalPosition, events: sealed };
  }

  async readStream(streamId: string, afterVersion = 0): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateAfterVersion(afterVersion);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM par_events WHERE stream_id = $1 AND stream_version > $2 ORDER BY stream_version`,
      [streamId, afterVersion],
    );
    return rows.map(toRecordedEvent);
  }

  async readStreamsOfTypes(streamIds: readonly string[], types: readonly string[], upTo: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (streamIds.length === 0 || types.length === 0) return [];
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM par_events WHERE stream_id = ANY($1::text[]) AND type = ANY($2::text[]) AND global_position <= $3
       ORDER BY global_position`,
      [streamIds, types, upTo],
    );
    return rows.map(toRecordedEvent);
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateReadAll(after, limit);
    const { rows } = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM par_events WHERE global_position > $1 ORDER BY global_position LIMIT $2`, [
      after,
      limit,
    ]);
    return rows.map(toRecordedEvent);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ head: string }>('SELECT coalesce(max(global_position), 0) AS head FROM par_events');
    return Number(rows[0].head);
  }

  async positionAt(time: Date): Promise<number> {
    this.assertOpen();
    validateTime(time);
    // One statement, one snapshot: a commit between two lookups cannot make the answer overshoot the prefix.
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT coalesce(
         (SELECT min(global_position) - 1 FROM par_events WHERE recorded_at > $1),
         (SELECT max(global_position) FROM par_events),
         0) AS position`,
      [time.toISOString()],
    );
    return Number(rows[0].position);
  }

  async findCommand(commandId: string): Promise<CommandRecord | null> {
    this.assertOpen();
    const { rows } = await this.pool.query<CommandRow>('SELECT * FROM par_commands WHERE command_id = $1', [commandId]);
    return rows.length === 0 ? null : toCommandRecord(rows[0]);
  }

  onAppend(listener: AppendListener): () => void {
    return this.listeners.add(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer.close(new Error('event store is closed'));
    this.listeners.clear();
    await this.listenClient?.end().catch(() => undefined);
    await this.pool.end();
  }

  /** Appends by other processes wake this one's followers at once instead of at their next poll. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('error', (error) => {
      // Followers still poll; a lost notification channel only slows them down.
      process.emitWarning(`PostgreSQL notifications: ${error.message}`);
      this.listenClient = null;
    });
    client.on('notification', (message) => {
      if (message.payload && this.ownAppends.has(message.payload)) return;
      this.listeners.notify();
    });
    await client.connect();
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    this.listenClient = client;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }
}

async function readHead(pool: pg.Pool): Promise<LogHead> {
  const { rows } = await pool.query<{ global_position: string; hash: string; metadata: string }>(
    'SELECT global_position, hash, metadata FROM par_events ORDER BY global_position DESC LIMIT 1',
  );
  return logHeadOf(rows[0] && { position: rows[0].global_position, hash: rows[0].hash, metadata: rows[0].metadata });
}
