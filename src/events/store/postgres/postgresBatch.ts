import type { EventMetadata, NewEvent, RecordedEvent } from '../../envelope';
import { canonicalTextsOf } from '../../hashChain';
import { headAfter, logHeadOf, sealOnHead, type LogHead } from '../logHead';
import { DuplicateCommandError, StreamVersionConflictError, type CommandRecord } from '../eventStore';
import { toCommandRecord, type CommandRow } from '../sqlRows';

/** The shapes the PostgreSQL group commit passes between its optimistic and its locked writer. */

/** One append waiting for its turn. */
export interface QueuedAppend {
  streamId: string;
  events: NewEvent[];
  metadata: EventMetadata;
  /** null for 'any'. */
  expectedVersion: number | null;
  command: { commandId: string; fingerprint: string } | null;
  resolve: (sealed: RecordedEvent[]) => void;
  reject: (error: unknown) => void;
}

/** What par_batch_state answers: everything a batch is checked and sealed against. */
export interface BatchState {
  head: { position: number | string; hash: string; metadata: string } | null;
  versions: Record<string, number | string>;
  commands: CommandRow[];
}

/** What par_append_checked answers: all appended, or none and the state it found instead. */
export type CheckedAnswer = { appended: number; state?: BatchState };

export function headOf(state: BatchState): LogHead {
  return logHeadOf(state.head);
}

export interface Sealed {
  entry: QueuedAppend;
  sealed: RecordedEvent[];
}

/** par_append_batch's argument: the sealed appends, with the texts their hashes were computed over. */
export function batchPayload(appends: Sealed[]) {
  return appends.map(({ entry, sealed }) => ({
    streamId: entry.streamId,
    expectedVersion: entry.expectedVersion,
    assumedVersion: sealed[0].streamVersion - 1,
    commandId: entry.command?.commandId ?? null,
    fingerprint: entry.command?.fingerprint ?? null,
    events: sealed.map((e) => {
      const texts = canonicalTextsOf(e);
      return {
        globalPosition: e.globalPosition,
        eventId: e.eventId,
        streamVersion: e.streamVersion,
        type: e.type,
        schemaVersion: e.schemaVersion,
        data: texts.data,
        metadata: texts.metadata,
        prevHash: e.prevHash,
        hash: e.hash,
      };
    }),
  }));
}

/** Decides each append against the state the database answered, in order, and seals the taken ones one on another. */
export function checkAndSeal(pending: QueuedAppend[], start: LogHead, state: BatchState) {
  const versions = new Map(Object.entries(state.versions).map(([stream, version]) => [stream, Number(version)]));
  const commands = new Map<string, CommandRecord>(state.commands.map((row) => [row.command_id, toCommandRecord(row)]));
  const taken: Sealed[] = [];
  const refused: [QueuedAppend, Error][] = [];
  let head = start;
  for (const entry of pending) {
    const recorded = entry.command && commands.get(entry.command.commandId);
    if (recorded) {
      refused.push([entry, new DuplicateCommandError(recorded)]);
      continue;
    }
    const actual = versions.get(entry.streamId) ?? 0;
    if (entry.expectedVersion !== null && entry.expectedVersion !== actual) {
      refused.push([entry, new StreamVersionConflictError(entry.streamId, entry.expectedVersion, actual)]);
      continue;
    }
    const sealed = sealOnHead(head, entry.streamId, entry.events, entry.metadata, actual);
    const last = sealed[sealed.length - 1];
    head = headAfter(last);
    versions.set(entry.streamId, last.streamVersion);
    if (entry.command) {
      const { commandId, fingerprint } = entry.command;
      commands.set(commandId, { commandId, fingerprint, streamId: entry.streamId, firstPosition: sealed[0].globalPosition, lastPosition: last.globalPosition });
    }
    taken.push({ entry, sealed });
  }
  return { taken, refused, head };
}
