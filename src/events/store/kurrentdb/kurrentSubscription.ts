/**
 * The KurrentDB adapter's subscription (not part of the EventStore port): every PAR Ledger event after a
 * globalPosition, in global order, then new ones as they are committed.
 *
 * A catch-up subscription to $all with a server-side filter on PAR Ledger's event types. Both copies of an event
 * (aggregate stream and log) match it; the aggregate copies (and other namespaces) are dropped on the client, so
 * each event is delivered once. Events of other types are filtered out, so delivered positions may have gaps; use
 * readAll where gapless reading matters. Subscribing to $all needs admin rights on a secure node. After a dropped
 * connection it waits (exponential backoff with jitter) and resubscribes from the $all position of the last event
 * delivered, so nothing is skipped and nothing is delivered twice.
 */
import { eventTypeFilter, type AllStreamSubscription, type KurrentDBClient, type ReadPosition } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../../envelope';
import { PAR_EVENT_TYPES } from '../../parEvents';
import { decodeEvent } from './kurrentEnvelope';

export interface KurrentSubscriptionOptions {
  /** Told about each dropped connection before the subscription waits and resubscribes. */
  onDrop?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Upper bound of the wait between resubscriptions. */
  maxBackoffMs?: number;
}

export interface KurrentSubscription {
  /** Stops the subscription; resolves once it has stopped. Idempotent. */
  stop(): Promise<void>;
  /**
   * Resolves when stopped; rejects when `onEvent` throws or the log holds a record this adapter did not write
   * (those end the subscription: they are not connection problems that waiting would cure).
   */
  readonly done: Promise<void>;
}

/** What the subscription needs from the store. */
interface SubscriptionSource {
  client: KurrentDBClient;
  /** The name of the ordered log stream (with the store's namespace). */
  logStream: string;
  /** The $all position to subscribe from so that the next event delivered follows globalPosition `after`. */
  allPositionOf(after: number): Promise<ReadPosition>;
}

/** Thrown inside the subscription loop for failures that resubscribing cannot cure. */
class SubscriberFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export function subscribeToLog(
  source: SubscriptionSource,
  after: number,
  onEvent: (event: RecordedEvent) => Promise<void> | void,
  options: KurrentSubscriptionOptions = {},
): KurrentSubscription {
  if (!Number.isInteger(after) || after < 0) throw new TypeError(`after must be a non-negative integer, got ${after}`);
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const types = PAR_EVENT_TYPES.map(escapeRegex);
  const filter = eventTypeFilter({ regex: `^(?:${types.join('|')})$` });

  let last = after; // globalPosition of the last event delivered
  let from: ReadPosition | null = null; // its $all position, once known
  let stopped = false;
  let current: AllStreamSubscription | null = null;
  let wake: (() => void) | null = null;

  const run = async (): Promise<void> => {
    let failures = 0;
    while (!stopped) {
      try {
        from ??= await source.allPositionOf(last);
        const subscription = source.client.subscribeToAll({ fromPosition: from, filter, resolveLinkTos: false });
        current = subscription;
        subscription.on('caughtUp', () => {
          failures = 0;
        });
        if (stopped) break;
        for await (const resolved of subscription) {
          failures = 0;
          const record = resolved.event;
          // The aggregate copy of each event matches the filter too: only the log copy is delivered.
          if (!record || record.streamId !== source.logStream) continue;
          let event: RecordedEvent;
          try {
            event = decodeEvent(record);
          } catch (error) {
            throw new SubscriberFailure(error);
          }
          if (event.globalPosition <= last) continue; // replayed after a resubscription
          try {
            await onEvent(event);
          } catch (error) {
            throw new SubscriberFailure(error);
          }
          last = event.globalPosition;
          from = record.position;
        }
        // Ended without an error: by stop(), or by the server, which is waited out and resubscribed like a drop.
        if (!stopped) throw new Error('the server ended the subscription');
      } catch (error) {
        if (error instanceof SubscriberFailure) throw error.cause;
        if (stopped) break;
        failures++;
        const delayMs = Math.round(Math.min(maxBackoffMs, 250 * 2 ** (failures - 1)) * (0.5 + Math.random() / 2));
        options.onDrop?.(error, failures, delayMs);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delayMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      } finally {
        const ending = current;
        current = null;
        await ending?.unsubscribe().catch(() => undefined);
      }
    }
  };

  const done = run();
  return {
    done,
    stop: async () => {
      stopped = true;
      wake?.();
      await current?.unsubscribe().catch(() => undefined);
      await done.catch(() => undefined);
    },
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
