import type { RecordedEvent } from '../../src/events/envelope';
import type { AppendOptions, AppendResult, CommandRecord, EventStore } from '../../src/events/store/eventStore';
import type { NewEvent } from '../../src/events/envelope';

/**
 * The event store the generator's command handler sees: appends go to the real store; a stream, once read, is
 * kept in memory and extended with what this process appends, so deciding does not re-read it from disk. Only
 * the generator writes the log it makes, so the copy cannot go stale. Streams of finished years are dropped
 * (`forget`) to bound memory on the national log. `appended` counts events for the progress bar.
 */
export class StreamCache implements EventStore {
  private readonly streams = new Map<string, RecordedEvent[]>();
  appended = 0;

  constructor(private readonly inner: EventStore) {}

  async append(streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const result = await this.inner.append(streamId, events, options);
    this.streams.get(streamId)?.push(...result.events);
    this.appended += result.events.length;
    return result;
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    let cached = this.streams.get(streamId);
    if (!cached) {
      cached = await this.inner.readStream(streamId);
      this.streams.set(streamId, cached);
    }
    return cached.slice();
  }

  forget(prefix: string): void {
    for (const id of [...this.streams.keys()]) if (id.startsWith(prefix)) this.streams.delete(id);
  }

  readStreamsOfTypes(streamIds: readonly string[], types: readonly string[], upTo: number): Promise<RecordedEvent[]> {
    return this.inner.readStreamsOfTypes(streamIds, types, upTo);
  }

  readAll(after: number, limit: number): Promise<RecordedEvent[]> {
    return this.inner.readAll(after, limit);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  positionAt(time: Date): Promise<number> {
    return this.inner.positionAt(time);
  }

  findCommand(commandId: string): Promise<CommandRecord | null> {
    return this.inner.findCommand(commandId);
  }

  onAppend(listener: () => void): () => void {
    return this.inner.onAppend(listener);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
