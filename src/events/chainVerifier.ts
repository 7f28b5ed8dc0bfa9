import type { RecordedEvent } from './envelope';
import { CorruptEventError } from './storedEvent';
import { checkEvent, GENESIS_HEAD, walkChain, type ChainVerification, type VerifiedHead } from './hashChain';

export interface LogVerificationResult extends ChainVerification {
  /** Whether this call continued from the head kept by an earlier verification. */
  incremental: boolean;
  /** The first position this call recomputed (the kept head itself is checked again). */
  checkedFrom: number;
  verifiedAt: Date;
}

/** Where the verified head and the time of the last full check are kept: the read store's meta values. */
interface VerificationMemory {
  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
}

interface ChainVerifierOptions {
  /** Least time between two full checks, shared by every instance using the same read store. */
  fullIntervalMs: number;
  now?: () => Date;
  batchSize?: number;
}

/** A full check was asked for too soon after the last one. */
export class FullVerificationTooSoonError extends Error {
  constructor(readonly allowedAt: Date) {
    super(`a full check of the log ran recently; the next one is allowed at ${allowedAt.toISOString()}`);
    this.name = 'FullVerificationTooSoonError';
  }
}

const HEAD_KEY = 'log-verification:head';
const LAST_FULL_KEY = 'log-verification:last-full';

/**
 * The service's log verification. An ordinary check continues from the last verified head, so its cost grows
 * with new events, not with the log; it also re-checks the kept head event itself, so a rewritten head is
 * noticed. A full re-check from the genesis (which finds tampering below the kept head) is rate-limited,
 * because it reads the whole log. Concurrent calls share one run instead of each reading the log.
 */
export class ChainVerifier {
  private incrementalRun: Promise<LogVerificationResult> | null = null;
  private fullRun: Promise<LogVerificationResult> | null = null;
  private readonly now: () => Date;
  private readonly batchSize: number;

  constructor(
    private readonly readAll: (after: number, limit: number) => Promise<RecordedEvent[]>,
    private readonly memory: VerificationMemory,
    private readonly options: ChainVerifierOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.batchSize = options.batchSize ?? 1000;
  }

  verify(options: { full: boolean }): Promise<LogVerificationResult> {
    if (options.full) {
      this.fullRun ??= this.runFull().finally(() => (this.fullRun = null));
      return this.fullRun;
    }
    this.incrementalRun ??= this.runIncremental().finally(() => (this.incrementalRun = null));
    return this.incrementalRun;
  }

  /** When the next full check is allowed (now or in the past: allowed). */
  async fullAllowedAt(): Promise<Date> {
    const last = await this.memory.getMeta(LAST_FULL_KEY);
    const lastTime = last === null ? Number.NaN : Date.parse(last);
    return new Date(Number.isFinite(lastTime) ? lastTime + this.options.fullIntervalMs : 0);
  }

  private async runFull(): Promise<LogVerificationResult> {
    const allowedAt = await this.fullAllowedAt();
    const startedAt = this.now();
    if (allowedAt.getTime() > startedAt.getTime()) throw new FullVerificationTooSoonError(allowedAt);
    // Recorded before it runs, so that requests arriving meanwhile (here or on another instance) are refused.
    await this.memory.setMeta(LAST_FULL_KEY, startedAt.toISOString());
    const walked = await walkChain(this.readAll, this.batchSize, GENESIS_HEAD);
    await this.keep(walked.head);
    return { checked: walked.checked, headHash: walked.headHash, firstBreak: walked.firstBreak, incremental: false, checkedFrom: 1, verifiedAt: startedAt };
  }

  private async runIncremental(): Promise<LogVerificationResult> {
    const verifiedAt = this.now();
    const kept = await this.kept();
    if (!kept) {
      const walked = await walkChain(this.readAll, this.batchSize, GENESIS_HEAD);
      await this.keep(walked.head);
      return { checked: walked.checked, headHash: walked.headHash, firstBreak: walked.firstBreak, incremental: false, checkedFrom: 1, verifiedAt };
    }
    const rewritten = await this.checkKeptHead(kept);
    if (rewritten) {
      return {
        checked: kept.position - 1,
        headHash: kept.prevHash,
        firstBreak: { globalPosition: kept.position, reason: rewritten },
        incremental: true,
        checkedFrom: kept.position,
        verifiedAt,
      };
    }
    const walked = await walkChain(this.readAll, this.batchSize, kept);
    if (walked.head.position > kept.position) await this.keep(walked.head);
    return { checked: walked.checked, headHash: walked.headHash, firstBreak: walked.firstBreak, incremental: true, checkedFrom: kept.position, verifiedAt };
  }

  /** The event at the kept head must still be the one verified then: same hash, content and stored form. */
  private async checkKeptHead(kept: VerifiedHead): Promise<string | null> {
    const advice = 'the log was changed below the last verified position; a full check (logVerification(full: true)) finds the first changed event';
    let event: RecordedEvent | undefined;
    try {
      [event] = await this.readAll(kept.position - 1, 1);
    } catch (error) {
      if (error instanceof CorruptEventError) return `the last verified event cannot be decoded any more (${error.reason}); ${advice}`;
      throw error;
    }
    if (!event || event.globalPosition !== kept.position) return `the last verified event is missing; ${advice}`;
    if (event.hash !== kept.hash || checkEvent(event, kept.position - 1, kept.prevHash) !== null) {
      return `the last verified event no longer matches the hash verified then; ${advice}`;
    }
    return null;
  }

  private async kept(): Promise<VerifiedHead | null> {
    const text = await this.memory.getMeta(HEAD_KEY);
    if (text === null) return null;
    try {
      const head = JSON.parse(text) as Partial<VerifiedHead>;
      if (Number.isSafeInteger(head.position) && head.position! > 0 && typeof head.hash === 'string' && typeof head.prevHash === 'string') {
        return { position: head.position!, hash: head.hash, prevHash: head.prevHash };
      }
    } catch {
      // An unreadable kept head only costs a check from the genesis.
    }
    return null;
  }

  private async keep(head: VerifiedHead): Promise<void> {
    if (head.position === 0) return;
    await this.memory.setMeta(HEAD_KEY, JSON.stringify(head));
  }
}
