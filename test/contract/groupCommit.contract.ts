import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { EventMetadata, NewEvent, RecordedEvent } from '../../src/events/envelope';
import { verifyChain } from '../../src/events/hashChain';
import { DuplicateCommandError, StreamVersionConflictError, type EventStore } from '../../src/events/store/eventStore';
import { crashCommandId } from '../support/batchCrashWriter';
import type { StoreUnderTest } from './eventStore.contract';

const PROJECT_ROOT = resolve(__dirname, '../..');
const WRITER = resolve(__dirname, '../support/batchCrashWriter.ts');

/** Where a store lives, so that a child process can open the same one and the test can reopen it afterwards. */
export interface SharedStore {
  kind: 'sqlite' | 'postgres';
  location: string;
  open: () => Promise<EventStore>;
  cleanup: () => Promise<void>;
}

function meta(commandId: string = randomUUID()): EventMetadata {
  return {
    actor: { sub: 'batch', name: 'Trần Thị Mai', agency: 'SNV', roles: ['COORDINATOR'] },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    recordedAt: new Date().toISOString(),
  };
}

const noted = (i: number, k = 0): NewEvent => ({ type: 'Noted', schemaVersion: 1, data: { i, k } });

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll(all.length, 1000);
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/**
 * Group commit, for the stores that write the appends in flight together (one transaction, one fsync): a refused
 * append inside a batch fails alone, and a process killed in the middle of a batch leaves every append either
 * whole or absent, and every acknowledged one whole.
 */
export function groupCommitContract(name: string, create: () => Promise<StoreUnderTest>, shared: () => Promise<SharedStore>): void {
  describe(`group commit: ${name}`, () => {
    let cleanup: () => Promise<void> = async () => undefined;
    afterEach(async () => {
      await cleanup();
      cleanup = async () => undefined;
    });

    it('writes a burst of one tick in one commit, failing only its stale and duplicate appends, each with its own error', async () => {
      const created = await create();
      const { store } = created;
      cleanup = created.cleanup;
      const seeded = Array.from({ length: 5 }, () => randomUUID());
      for (const [i, commandId] of seeded.entries()) {
        await store.append('seeded', [noted(i)], { expectedVersion: i, metadata: meta(commandId), command: { commandId, fingerprint: 'f' } });
      }
      let commits = 0;
      const stop = store.onAppend(() => commits++);
      // The 'ok' appends, two to a stream: the second expects the version the first leaves, sealed on it in the batch.
      const versions = new Map<string, number>();
      const plan = Array.from({ length: 60 }, (_, i) => {
        if (i % 5 === 1) return { kind: 'conflict' as const };
        if (i % 5 === 3) return { kind: 'duplicate' as const, commandId: seeded[((i - 3) / 5) % seeded.length] };
        const stream = `ok-${Math.floor(i / 10)}-${i % 2}`;
        const expected = versions.get(stream) ?? 0;
        versions.set(stream, expected + 2);
        return { kind: 'ok' as const, commandId: randomUUID(), stream, expected };
      });
      // All issued in the same tick, in this order, before any of them can be written: one group commit.
      const burst = plan.map((b, i) => {
        if (b.kind === 'conflict') return { ...b, promise: store.append('seeded', [noted(i)], { expectedVersion: 2, metadata: meta() }) };
        const stream = b.kind === 'ok' ? b.stream : `dup-${i}`;
        const events = b.kind === 'ok' ? [noted(i, 0), noted(i, 1)] : [noted(i)];
        const expectedVersion = b.kind === 'ok' ? b.expected : 0;
        const command = { commandId: b.commandId, fingerprint: 'f' };
        return { ...b, promise: store.append(stream, events, { expectedVersion, metadata: meta(b.commandId), command }) };
      });
      // A command id used twice within the burst: the second is a duplicate of the first, written just before it.
      const firstOk = burst.find((b) => b.kind === 'ok');
      const reused = firstOk?.kind === 'ok' ? firstOk : undefined;
      const again = store.append('dup-in-batch', [noted(99)], {
        expectedVersion: 0,
        metadata: meta(reused?.commandId),
        command: { commandId: reused?.commandId ?? '', fingerprint: 'f' },
      });
      const [outcomes, repeated] = await Promise.all([
        Promise.allSettled(burst.map((b) => b.promise)),
        again.then(
          () => null,
          (error: unknown) => error,
        ),
      ]);
      stop();
      expect(repeated).toBeInstanceOf(DuplicateCommandError);
      expect((repeated as DuplicateCommandError).existing).toMatchObject({ commandId: reused?.commandId, streamId: reused?.stream, firstPosition: 6 });

      let next = 6; // positions 1-5 are the seeded appends
      outcomes.forEach((outcome, i) => {
        const b = burst[i];
        if (b.kind === 'ok') {
          expect(outcome).toMatchObject({ status: 'fulfilled', value: { firstPosition: next, lastPosition: next + 1 } });
          next += 2; // in issue order, one after another: sealed together, on top of each other
          return;
        }
        expect(outcome.status).toBe('rejected');
        const reason = (outcome as PromiseRejectedResult).reason as unknown;
        if (b.kind === 'conflict') {
          expect(reason).toBeInstanceOf(StreamVersionConflictError);
          expect(reason).toMatchObject({ streamId: 'seeded', expectedVersion: 2, actualVersion: 5 });
        } else {
          expect(reason).toBeInstanceOf(DuplicateCommandError);
          expect((reason as DuplicateCommandError).existing).toMatchObject({ commandId: b.commandId, streamId: 'seeded' });
        }
      });
      expect(commits).toBe(1);

      const all = await readEverything(store);
      expect(all.map((e) => e.globalPosition)).toEqual(Array.from({ length: next - 1 }, (_, i) => i + 1));
      expect(all.filter((e) => e.streamId.startsWith('dup-'))).toEqual([]);
      expect((await store.readStream('seeded')).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
      for (const [stream, version] of versions) {
        expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual(Array.from({ length: version }, (_, i) => i + 1));
      }
      expect(await verifyChain((after, limit) => store.readAll(after, limit))).toMatchObject({ checked: next - 1, firstBreak: null });
    }, 60_000);

    it('loses no acknowledged append and writes none in part when the writer is killed in the middle of a batch', async () => {
      const target = await shared();
      cleanup = target.cleanup;
      const run = `crash-${randomUUID().slice(0, 8)}`;
      const { acknowledged, signal } = await killAfterAcknowledged(target, run, 300);
      expect(signal).toBe('SIGKILL'); // it was still writing: killed, not finished

      const store = await target.open();
      try {
        const all = await readEverything(store);
        expect(all.map((e) => e.globalPosition)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
        expect(await verifyChain((after, limit) => store.readAll(after, limit))).toMatchObject({ checked: all.length, firstBreak: null });

        const byCommand = new Map<string, RecordedEvent[]>();
        for (const event of all) byCommand.set(event.metadata.commandId, [...(byCommand.get(event.metadata.commandId) ?? []), event]);
        for (const id of acknowledged) expect(byCommand.get(id)?.length).toBe(3);
        // Every append is whole (its three events, one after another, and its command recorded over them) or absent.
        for (const [commandId, events] of byCommand) {
          expect(events.map((e) => e.globalPosition - events[0].globalPosition)).toEqual([0, 1, 2]);
          expect(await store.findCommand(commandId)).toMatchObject({ firstPosition: events[0].globalPosition, lastPosition: events[2].globalPosition });
        }
        // And no command is recorded without its events: every id the writer could have sent, up to the last one seen.
        const lanes = new Map<number, number>();
        for (const event of all) {
          const { lane, n } = event.data as { lane: number; n: number };
          lanes.set(lane, Math.max(lanes.get(lane) ?? 0, n));
        }
        expect(lanes.size).toBeGreaterThan(1);
        for (const [lane, last] of lanes) {
          for (let n = 0; n <= last + 2; n++) {
            const commandId = crashCommandId(run, lane, n);
            const record = await store.findCommand(commandId);
            expect(record !== null).toBe(byCommand.has(commandId));
          }
          const stream = await store.readStream(`crash-lane-${lane}`);
          expect(stream.map((e) => e.streamVersion)).toEqual(Array.from({ length: stream.length }, (_, i) => i + 1));
        }
      } finally {
        await store.close();
      }
    }, 120_000);
  });
}

/** Starts the writer, lets it acknowledge `count` appends, SIGKILLs it and collects what it acknowledged. */
function killAfterAcknowledged(target: SharedStore, run: string, count: number): Promise<{ acknowledged: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', WRITER, target.kind, target.location, run], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n').filter((line) => line.startsWith(`${run}-`));
      if (lines.length >= count && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      // Only complete lines: a line cut by the kill was never fully written, so it was not acknowledged yet.
      const lines = out.split('\n');
      lines.pop();
      if (signal !== 'SIGKILL') fail(new Error(`writer ended with ${code}: ${err}`));
      else done({ acknowledged: lines.filter((line) => line.startsWith(`${run}-`)), signal });
    });
  });
}
