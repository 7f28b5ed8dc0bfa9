import type pg from 'pg';
import type { Migration } from '../sqlRows';

const APPEND_LOCK = 7_283_746_510; // pg_advisory_xact_lock key shared by every writer of the log
const MIGRATION_LOCK = 7_283_746_511;
export const NOTIFY_CHANNEL = 'par_ledger_appended';

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
  {
    version: 2,
    name: 'group commit of appends, commit time column',
    // par_append_batch writes the appends one process has queued, in order, under the same lock as par_append
    // (so instances of the previous build can keep appending during a rolling upgrade). It stops at the first
    // append it cannot take (an earlier command id, a stale expectedVersion, or a stream version the caller
    // guessed wrong under 'any'): everything before it is committed, and the caller re-seals the rest on top.
    //
    // recorded_at is each event's commit time, kept beside its metadata for positionAt (a plain column is read
    // far faster than JSON parsed per row). Metadata that is not JSON (a tampered row) gives '~', after every
    // time, so the row ends a prefix instead of failing the lookup or a later append.
    sql: `
      CREATE FUNCTION par_recorded_at(p_metadata text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
      BEGIN
        RETURN coalesce((p_metadata::jsonb)->>'recordedAt', '~');
      EXCEPTION WHEN others THEN
        RETURN '~';
      END $$;
      ALTER TABLE par_events ADD COLUMN recorded_at text GENERATED ALWAYS AS (par_recorded_at(metadata)) STORED;
      -- positionAt walks positions in order until the first later commit time: from this index alone.
      CREATE INDEX par_events_position_time ON par_events (global_position) INCLUDE (recorded_at);

      CREATE FUNCTION par_append_batch(p_head_position bigint, p_head_hash text, p_appends jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        v_append jsonb;
        v_events jsonb;
        v_appended integer := 0;
        v_position bigint;
        v_head_hash text;
        v_head_metadata text;
        v_version bigint;
        v_count integer;
        v_command par_commands%ROWTYPE;
        v_stop jsonb := NULL;
      BEGIN
        PERFORM pg_advisory_xact_lock(${APPEND_LOCK});
        SELECT global_position, hash, metadata INTO v_position, v_head_hash, v_head_metadata
          FROM par_events ORDER BY global_position DESC LIMIT 1;
        IF NOT FOUND THEN
          v_position := 0;
          v_head_hash := repeat('0', 64);
        END IF;
        IF v_position <> p_head_position OR v_head_hash <> p_head_hash THEN
          RETURN jsonb_build_object('appended', 0, 'head', jsonb_build_object('position', v_position, 'hash', v_head_hash, 'metadata', v_head_metadata));
        END IF;
        FOR v_append IN SELECT value FROM jsonb_array_elements(p_appends) LOOP
          IF v_append->>'commandId' IS NOT NULL THEN
            SELECT * INTO v_command FROM par_commands WHERE command_id = v_append->>'commandId';
            IF FOUND THEN
              v_stop := jsonb_build_object('outcome', 'duplicate', 'command', to_jsonb(v_command));
              EXIT;
            END IF;
          END IF;
          SELECT coalesce(max(stream_version), 0) INTO v_version FROM par_events WHERE stream_id = v_append->>'streamId';
          IF v_append->>'expectedVersion' IS NOT NULL AND v_version <> (v_append->>'expectedVersion')::bigint THEN
            v_stop := jsonb_build_object('outcome', 'conflict', 'actualVersion', v_version);
            EXIT;
          END IF;
          IF v_version <> (v_append->>'assumedVersion')::bigint THEN
            v_stop := jsonb_build_object('outcome', 'stale', 'streamVersion', v_version);
            EXIT;
          END IF;
          v_events := v_append->'events';
          v_count := jsonb_array_length(v_events);
          IF (v_events->0->>'globalPosition')::bigint <> v_position + 1 THEN
            RAISE EXCEPTION 'par_append_batch: append % was sealed at position %, the log is at %', v_appended, v_events->0->>'globalPosition', v_position;
          END IF;
          INSERT INTO par_events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
          SELECT (e->>'globalPosition')::bigint, (e->>'eventId')::uuid, v_append->>'streamId', (e->>'streamVersion')::bigint, e->>'type',
                 (e->>'schemaVersion')::integer, e->>'data', e->>'metadata', e->>'prevHash', e->>'hash'
          FROM jsonb_array_elements(v_events) AS e;
          IF v_append->>'commandId' IS NOT NULL THEN
            INSERT INTO par_commands VALUES (v_append->>'commandId', v_append->>'fingerprint', v_append->>'streamId', v_position + 1, v_position + v_count);
          END IF;
          v_position := v_position + v_count;
          v_appended := v_appended + 1;
        END LOOP;
        IF v_appended > 0 THEN
          PERFORM pg_notify('${NOTIFY_CHANNEL}', p_appends->0->'events'->0->>'eventId');
        END IF;
        RETURN jsonb_build_object('appended', v_appended, 'stop', v_stop);
      END $$;
    `,
  },
  {
    version: 3,
    name: 'checked and locked batches',
    // par_batch_state answers everything a batch is checked and sealed against (the head, the versions of its
    // streams, which of its command ids are recorded), under the append lock. Inside the caller's transaction
    // (postgresLockedBatch.ts) it keeps the lock until COMMIT, so a batch sealed on it is never stale.
    //
    // par_append_checked writes a batch sealed on the caller's head all or nothing: when the head moved, or any
    // append would be refused (a recorded command id, a stale expectedVersion, a stream version guessed wrong
    // under 'any'), it writes nothing and answers the state instead, so the caller settles the refused ones,
    // seals the rest exactly and sends them once more: a refusal costs a round trip, never a second commit.
    sql: `
      CREATE FUNCTION par_batch_state(p_request jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        v_head jsonb;
      BEGIN
        PERFORM pg_advisory_xact_lock(${APPEND_LOCK});
        SELECT jsonb_build_object('position', global_position, 'hash', hash, 'metadata', metadata) INTO v_head
          FROM par_events ORDER BY global_position DESC LIMIT 1;
        RETURN jsonb_build_object(
          'head', v_head,
          'versions', (SELECT coalesce(jsonb_object_agg(s.id, (SELECT coalesce(max(stream_version), 0) FROM par_events WHERE stream_id = s.id)), '{}'::jsonb)
                       FROM (SELECT DISTINCT jsonb_array_elements_text(p_request->'streams') AS id) AS s),
          'commands', (SELECT coalesce(jsonb_agg(to_jsonb(c)), '[]'::jsonb) FROM par_commands c
                       WHERE c.command_id IN (SELECT jsonb_array_elements_text(p_request->'commands'))));
      END $$;

      CREATE FUNCTION par_append_checked(p_head_position bigint, p_head_hash text, p_appends jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        v_state jsonb;
        v_versions jsonb;
        v_recorded jsonb;
        v_append jsonb;
        v_version bigint;
        v_head jsonb;
        v_count bigint;
        v_first bigint;
        v_last bigint;
      BEGIN
        v_state := par_batch_state(jsonb_build_object(
          'streams', (SELECT jsonb_agg(a->'streamId') FROM jsonb_array_elements(p_appends) a),
          'commands', (SELECT coalesce(jsonb_agg(a->'commandId'), '[]'::jsonb) FROM jsonb_array_elements(p_appends) a WHERE a->>'commandId' IS NOT NULL)));
        v_head := v_state->'head';
        IF coalesce((v_head->>'position')::bigint, 0) <> p_head_position OR coalesce(v_head->>'hash', repeat('0', 64)) <> p_head_hash
           OR jsonb_array_length(v_state->'commands') > 0 THEN
          RETURN jsonb_build_object('appended', 0, 'state', v_state);
        END IF;
        -- Each append in order, as if the ones before it were written: its stream's version must be the one it was sealed on.
        v_versions := v_state->'versions';
        v_recorded := '{}'::jsonb;
        FOR v_append IN SELECT value FROM jsonb_array_elements(p_appends) LOOP
          v_version := (v_versions->>(v_append->>'streamId'))::bigint;
          IF (v_append->>'commandId' IS NOT NULL AND v_recorded ? (v_append->>'commandId'))
             OR (v_append->>'expectedVersion' IS NOT NULL AND v_version <> (v_append->>'expectedVersion')::bigint)
             OR v_version <> (v_append->>'assumedVersion')::bigint THEN
            RETURN jsonb_build_object('appended', 0, 'state', v_state);
          END IF;
          v_versions := v_versions || jsonb_build_object(v_append->>'streamId', v_version + jsonb_array_length(v_append->'events'));
          IF v_append->>'commandId' IS NOT NULL THEN
            v_recorded := v_recorded || jsonb_build_object(v_append->>'commandId', true);
          END IF;
        END LOOP;
        SELECT count(*), min((e->>'globalPosition')::bigint), max((e->>'globalPosition')::bigint) INTO v_count, v_first, v_last
          FROM jsonb_array_elements(p_appends) a, jsonb_array_elements(a->'events') e;
        IF v_first <> p_head_position + 1 OR v_last <> p_head_position + v_count THEN
          RAISE EXCEPTION 'par_append_checked: events sealed at positions % to %, the log is at %', v_first, v_last, p_head_position;
        END IF;
        INSERT INTO par_events (global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
        SELECT (e->>'globalPosition')::bigint, (e->>'eventId')::uuid, a->>'streamId', (e->>'streamVersion')::bigint, e->>'type',
               (e->>'schemaVersion')::integer, e->>'data', e->>'metadata', e->>'prevHash', e->>'hash'
        FROM jsonb_array_elements(p_appends) a, jsonb_array_elements(a->'events') e;
        INSERT INTO par_commands (command_id, fingerprint, stream_id, first_position, last_position)
        SELECT a->>'commandId', a->>'fingerprint', a->>'streamId', (a->'events'->0->>'globalPosition')::bigint, (a->'events'->-1->>'globalPosition')::bigint
        FROM jsonb_array_elements(p_appends) a WHERE a->>'commandId' IS NOT NULL;
        PERFORM pg_notify('${NOTIFY_CHANNEL}', p_appends->0->'events'->0->>'eventId');
        RETURN jsonb_build_object('appended', jsonb_array_length(p_appends));
      END $$;
    `,
  },
];

/** Brings the schema up to date; one instance at a time, so two starting together do not both migrate. */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS par_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
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
