import type { ReadStore } from '../store/readStore';
import type { RunnerClock } from './clock';

/** Only the holder of this lease advances projections; the other instances read the checkpoints it writes. */
const PROJECTION_LEASE = 'projection-runner';

/**
 * The projection lease as one instance holds it. Whether a lease has expired is decided by the read store, with
 * the store's clock, in the statement that takes it (ReadStore.acquireLease); this instance's clock only paces
 * the renewals, so a skewed instance clock can neither steal a lease nor keep one past its term.
 */
export class RunnerLease {
  private held = false;
  /** When this instance last heard from the store that it holds the lease (its own clock; pacing only). */
  private confirmedAt = 0;

  constructor(
    private readonly store: ReadStore,
    readonly holder: string,
    readonly ttlMs: number,
    private readonly clock: RunnerClock,
    private readonly log: (message: string) => void,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  /** Renewals come this often, so a holder renews several times per term and a slow round rarely loses it. */
  get renewEveryMs(): number {
    return this.ttlMs / 5;
  }

  /** Takes or renews the lease, asking the store at most every `renewEveryMs`; whether this instance holds it. */
  async hold(): Promise<boolean> {
    const sinceConfirmed = this.clock.now() - this.confirmedAt;
    // A clock that jumped back gives a negative interval: ask the store rather than trust the old answer.
    if (this.held && sinceConfirmed >= 0 && sinceConfirmed < this.renewEveryMs) return true;
    const asked = this.clock.now();
    const held = await this.store.acquireLease(PROJECTION_LEASE, this.holder, this.ttlMs);
    if (held !== this.held) this.log(`projection runner ${this.holder}: ${held ? 'now advances the projections' : 'follows another instance'}`);
    this.held = held;
    if (held) this.confirmedAt = asked;
    return held;
  }

  /** Hands the lease over at once (a clean stop) rather than after it expires. */
  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    await this.store.releaseLease(PROJECTION_LEASE, this.holder).catch(() => undefined);
  }
}
