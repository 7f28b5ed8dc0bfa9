import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { RecordedEvent } from '../../src/events/envelope';
import type { EventStore } from '../../src/events/store/eventStore';

const PROJECT_ROOT = resolve(__dirname, '../..');
const WRITER = resolve(__dirname, 'logWriter.ts');

interface Writer {
  ready: Promise<void>;
  go: () => void;
  done: Promise<{ conflicts: number }>;
}

function startWriter(kind: string, location: string, name: string, count: number): Writer {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', WRITER, kind, location, name, String(count)], {
    cwd: PROJECT_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  child.stdin.on('error', () => undefined); // a writer that died first is reported by its exit code below
  const done = new Promise<{ conflicts: number }>((resolveRun, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      markReady(); // a writer that died early must not leave the test waiting for it
      if (code === 0) resolveRun(JSON.parse(out.slice('ready\n'.length)) as { conflicts: number });
      else reject(new Error(`writer ${name} exited with ${code}: ${err}`));
    });
  });
  return { ready, go: () => child.stdin.end('go\n'), done };
}

export interface ConcurrentRun {
  /** Everything the follower read, in the order it read it. */
  seen: RecordedEvent[];
  /** Whether the follower read events while writers were still appending. */
  readWhileWriting: boolean;
  conflicts: number;
  writers: string[];
  perWriter: number;
}

/**
 * Starts writer processes together and follows the log with `reader` the way a projection runner does
 * (readAll from the last position seen) until they are done. Each batch must continue exactly where the
 * previous one ended: a reader that skipped an event committed late would fail here.
 */
export async function runConcurrentWriters(
  reader: EventStore,
  kind: string,
  location: string,
  writers = ['p1', 'p2', 'p3'],
  perWriter = 40,
): Promise<ConcurrentRun> {
  const started = writers.map((name) => startWriter(kind, location, name, perWriter));
  await Promise.all(started.map((w) => w.ready));
  let writersDone = false;
  const all = Promise.all(started.map((w) => w.done));
  all.then(
    () => (writersDone = true),
    () => (writersDone = true),
  );
  started.forEach((w) => w.go());

  const seen: RecordedEvent[] = [];
  let readWhileWriting = false;
  for (;;) {
    const finished = writersDone; // taken before the read, so an empty read after it means nothing is left
    const batch = await reader.readAll(seen.length, 25);
    batch.forEach((event, i) => {
      if (event.globalPosition !== seen.length + i + 1) throw new Error(`follower expected position ${seen.length + i + 1}, read ${event.globalPosition}`);
    });
    seen.push(...batch);
    if (batch.length > 0 && !finished) readWhileWriting = true;
    if (batch.length === 0) {
      if (finished) break;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  const outcomes = await all;
  return { seen, readWhileWriting, conflicts: outcomes.reduce((n, o) => n + o.conflicts, 0), writers, perWriter };
}

/** Every event exactly once, and each stream's events in version order 1..n within the global order. */
export function expectConsistentRun(run: ConcurrentRun) {
  const total = run.writers.length * run.perWriter * 4;
  expect(run.readWhileWriting).toBe(true);
  expect(run.seen).toHaveLength(total);
  expect(new Set(run.seen.map((e) => e.eventId)).size).toBe(total);
  const lastVersion = new Map<string, number>();
  for (const event of run.seen) {
    expect(event.streamVersion).toBe((lastVersion.get(event.streamId) ?? 0) + 1);
    lastVersion.set(event.streamId, event.streamVersion);
  }
  expect(lastVersion.get('contended')).toBe(run.writers.length * run.perWriter);
  expect(lastVersion.get('shared-any')).toBe(run.writers.length * run.perWriter * 2);
  for (const name of run.writers) {
    expect(run.seen.filter((e) => e.streamId === `writer-${name}`).map((e) => (e.data as { i: number }).i)).toEqual(
      Array.from({ length: run.perWriter }, (_, i) => i),
    );
  }
}
