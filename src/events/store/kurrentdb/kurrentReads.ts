import { BACKWARDS, END, StreamNotFoundError, type KurrentDBClient, type ReadStreamOptions } from '@kurrent/kurrentdb-client';
import { decodeEvent, recordOf, type KurrentRecord } from './kurrentEnvelope';

const POSITION_SCAN_PAGE = 500;

/** Reads a stream forwards (unless told otherwise); [] when it does not exist. Links are not resolved. */
export async function readRecords(client: KurrentDBClient, stream: string, options: ReadStreamOptions): Promise<KurrentRecord[]> {
  const records: KurrentRecord[] = [];
  try {
    for await (const resolved of client.readStream(stream, { ...options, resolveLinkTos: false })) {
      records.push(recordOf(resolved, stream));
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return records;
}

export async function readLastRecord(client: KurrentDBClient, stream: string): Promise<KurrentRecord | null> {
  const [record] = await readRecords(client, stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
  return record ?? null;
}

/**
 * The last position of the prefix of the log recorded by `time`. The log has no index by time, so it is read
 * forwards until the first event recorded later: the cost grows with the prefix, not with the whole log.
 */
export async function scanPositionAt(client: KurrentDBClient, logStream: string, time: Date): Promise<number> {
  const limit = time.toISOString();
  for (let from = 0; ; from += POSITION_SCAN_PAGE) {
    const records = await readRecords(client, logStream, { fromRevision: BigInt(from), maxCount: POSITION_SCAN_PAGE });
    for (const record of records) {
      const event = decodeEvent(record);
      if (!(event.metadata.recordedAt <= limit)) return event.globalPosition - 1;
    }
    if (records.length < POSITION_SCAN_PAGE) return from + records.length;
  }
}
