import pg from 'pg';
import { canonicalJson } from '../../canonicalJson';
import { AppendListeners, type AppendListener, toStoredEvent, toStoredJson, validateAppend, validateReadAll } from '../appendRules';
import { GENESIS_HASH, type EventMetadata, type NewEvent, type RecordedEvent } from '../../envelope';
import {
  DuplicateCommandError,
  StreamVersionConflictError,
  type AppendOptions,
  type AppendResult,
  type CommandRecord,
  type EventStore,
} from '../eventStore';
import { sealEvents } from '../../hashChain';
import { redactUrl } from '../../../shared/redactUrl';
import { EVENT_COLUMNS, toCommandRecord, toRecordedEvent, type CommandRow, type EventRow, type Migration } from '../sqlRows';

/**
 * The event log in PostgreSQL.
 *
 * Global order without gaps for readers: every append takes one transaction-scoped advisory lock (a single
 * writer at a time across all connections and service instances), so positions are assigned and committed in
 * the same order. A reader that sees position n has therefore seen every position below n: the classic
 * sequence problem (a later position committed before an earlier one) cannot happen. The same lock orders the
 * hash chain. The cost is that appends are serialised, which a province's PAR cycle (tens of thousands of
 * events a year) never notices.
 *
 * One round trip: events are sealed (positions, hashes) here against the head this process last saw, and the
 * `par_append` function checks the command id, the stream version and that head in one call. If another writer
 * moved the head meanwhile, the function answers with the new head and the append is sealed again and retried.
 */

const APPEND_LOCK = 7_283_746_510; // pg_advisory_xact_lock key shared by every writer of the log
const MIGRATION_LOCK = 7_283_746_511;
const NOTIFY_CHANNEL = 'par_ledger_appended';
const MAX_STALE_RETRIES = 50;

/** Append-only: a released migration is never edited; a change is a new entry with the next version. */
const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events, commands, append function',
    sql: `
      CREATE TABLE par_events (
        global_position bigint PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        stream_version bigint NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        data text NOT NULL,
        metadata text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        UNIQUE (stream_id, stream_version)
      );
      CREATE TABLE par_commands (
        command_id text PRIMARY KEY,
        fingerprint text NOT NULL,
        stream_id text NOT NULL,
        first_position bigint NOT NULL REFERENCES par_events (global_position),
        last_position bigint NOT NULL REFERENCES par_events (global_position)
      );
      CREATE FUNCTION par_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the PAR Ledger log is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
      END $$;
      CREATE TRIGGER par_events_append_only BEFORE UPDATE OR DELETE ON par_events
        FOR EACH ROW EXECUTE FUNCTION par_refuse_change();
      CREATE TRIGGER par_commands_append_only BEFORE UPDATE OR DELETE ON par_commands
        FOR EACH ROW EXECUTE FUNCTION par_refuse_change();

      CREATE FUNCTION par_append(
        p_stream text, p_expected bigint, p_assumed_version bigint, p_head_position bigint, p_head_hash text,
        p_command_id text, p_fingerprint text, p_events jsonb
      ) RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        v_version bigint;
        v_head_position bigint;
        v_head_hash text;
        v_command par_commands%ROWTYPE;
        v_count integer := jsonb_array_length(p_events);
      BEGIN
        PERFORM pg_advisory_xact_lock(${APPEND_LOCK});
        IF p_command_id IS NOT NULL THEN
          SELECT * INTO v_command FROM par_commands WHERE command_id = p_command_id;
          IF FOUND THEN
            RETURN jsonb_build_object('outcome', 'duplicate', 'command', to_jsonb(v_command));
          END IF;
        END IF;
        SELECT coalesce(max(stream_version), 0) INTO v_version FROM par_events WHERE stream_id = p_stream;
        IF p_expected IS NOT NULL AND v_version <> p_expected THEN
          RETURN jsonb_build_object('outcome', 'conflict', 'actualVersion', v_version);
        END IF;
        SELECT global_position, hash INTO v_head_position, v_head_hash FROM par_events ORDER BY global_position DESC LIMIT 1;
        IF NOT FOUND THEN
          v_head_position := 0;
          v_head_hash := repeat('0', 64);
        END IF;
        IF v_head_position <> p_head_position OR v_head_hash <> p_head_hash OR v_version <> p_assumed_version THEN
          RETURN jsonb_build_object('outcome', 'stale', 'headPosition', v_head_position, 'headHash', v_head_hash, 'streamVersion', v_version);
        END IF;
        INSERT INTO par_events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
        SELECT (e->>'globalPosition')::bigint, (e->>'eventId')::uuid, p_stream, (e->>'streamVersion')::bigint, e->>'type',
               (e->>'schemaVersion')::integer, e->>'data', e->>'metadata', e->>'prevHash', e->>'hash'
        FROM jsonb_array_elements(p_events) AS e;
        IF p_command_id IS NOT NULL THEN
          INSERT INTO par_commands VALUES (p_command_id, p_fingerprint, p_stream, p_head_position + 1, p_head_position + v_count);
        END IF;
        PERFORM pg_notify('${NOTIFY_CHANNEL}', p_events->0->>'eventId');
        RETURN jsonb_build_object('outcome', 'appended');
      END $$;
    `,
  },
];

type AppendAnswer =
  | { outcome: 'appended' }
  | { outcome: 'duplicate'; command: CommandRow }
  | { outcome: 'conflict'; actualVersion: number }
  | { outcome: 'stale'; headPosition: number; headHash: string; streamVersion: number };

export class PostgresEventStore implements EventStore {
  private head = { position: 0, hash: GENESIS_HASH };
  private readonly listeners = new AppendListeners();
  private listenClient: pg.Client | null = null;
  /** First event ids of this process's appends in flight: their notifications come back to us and are not news. */
  private readonly ownAppends = new Set<string>();
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
  ) {}

  /** Connects, applies pending migrations (one instance at a time) and listens for appends by other processes. */
  static async connect(url: string, options: { poolSize?: number } = {}): Promise<PostgresEventStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 });
    // An idle client losing its connection must not crash the service; the pool replaces it.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL pool: ${error.message}`));
    const store = new PostgresEventStore(pool, url);
    try {
      await store.migrate();
      await store.listen();
    } catch (error) {
      await pool.end().catch(() => undefined);
      // No `cause`: a URL parse error carries the whole URL, password included, and loggers print causes.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`cannot use PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`);
    }
    return store;
  }

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events, options);
    const stored = events.map(toStoredEvent);
    const metadata = toStoredJson(options.metadata, 'metadata') as EventMetadata;
    const expected = options.expectedVersion === 'any' ? null : options.expectedVersion;
    let assumedVersion = expected ?? 0;

    for (let attempt = 0; attempt <= MAX_STALE_RETRIES; attempt++) {
      const sealed = sealEvents(streamId, stored, metadata, { streamVersion: assumedVersion, globalPosition: this.head.position, hash: this.head.hash });
      const payload = sealed.map((e) => ({
        globalPosition: e.globalPosition,
        eventId: e.eventId,
        streamVersion: e.streamVersion,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: canonicalJson(e.data),
        metadata: canonicalJson(e.metadata),
        prevHash: e.prevHash,
        hash: e.hash,
      }));
      this.ownAppends.add(sealed[0].eventId);
      let answer: AppendAnswer;
      try {
        const { rows } = await this.pool.query<{ answer: AppendAnswer }>('SELECT par_append($1, $2, $3, $4, $5, $6, $7, $8) AS answer', [
          streamId,
          expected,
          assumedVersion,
          this.head.position,
          this.head.hash,
          options.command?.commandId ?? null,
          options.command?.fingerprint ?? null,
          JSON.stringify(payload),
        ]);
        answer = rows[0].answer;
      } finally {
        // Our own notification travels back on the listening connection, possibly after this call returns.
        setTimeout(() => this.ownAppends.delete(sealed[0].eventId), 1000).unref();
      }
      switch (answer.outcome) {
        case 'appended': {
          const last = sealed[sealed.length - 1];
          this.head = { position: last.globalPosition, hash: last.hash };
          this.listeners.notify();
          return { streamId, streamVersion: last.streamVersion, firstPosition: sealed[0].globalPosition, lastPosition: last.globalPosition, events: sealed };
        }
        case 'duplicate':
          throw new DuplicateCommandError(toCommandRecord(answer.command));
        case 'conflict':
          throw new StreamVersionConflictError(streamId, options.expectedVersion, Number(answer.actualVersion));
        case 'stale':
          this.head = { position: Number(answer.headPosition), hash: answer.headHash };
          assumedVersion = Number(answer.streamVersion);
          break;
      }
    }
    throw new Error(`append to ${streamId}: the log kept moving under ${MAX_STALE_RETRIES} attempts; try again`);
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    this.assertOpen();
    const { rows } = await this.pool.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM par_events WHERE stream_id = $1 ORDER BY stream_version`, [streamId]);
    return rows.map(toRecordedEvent);
  }

  async readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    this.assertOpen();
    validateReadAll(after, limit);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM par_events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [after, limit],
    );
    return rows.map(toRecordedEvent);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ head: string }>('SELECT coalesce(max(global_position), 0) AS head FROM par_events');
    return Number(rows[0].head);
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
    this.listeners.clear();
    await this.listenClient?.end().catch(() => undefined);
    await this.pool.end();
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Two instances starting together must not both apply the same migration.
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS par_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM par_schema_migrations');
      const applied = new Set(rows.map((r) => r.version));
      const newest = Math.max(0, ...applied);
      const known = MIGRATIONS[MIGRATIONS.length - 1].version;
      if (newest > known) throw new Error(`the database has schema version ${newest}, newer than this build knows (${known})`);
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO par_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
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
