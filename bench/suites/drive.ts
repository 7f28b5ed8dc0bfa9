/** What a timed run did. */
export interface DriveResult {
  done: number;
  failed: number;
  elapsedMs: number;
  /** Per-operation latencies in ms, completed ones only. */
  latencies: number[];
}

/**
 * Keeps `inFlight` lanes busy for `durationMs` (or until `maxOps`): each lane calls `op(lane, n)` with its own
 * counter of successful operations (a stream version, say), one at a time. A rejected op counts as failed and
 * the lane carries on, as a client would.
 */
export async function drive(
  options: { inFlight: number; durationMs: number; maxOps?: number },
  op: (lane: number, n: number) => Promise<void>,
): Promise<DriveResult> {
  const started = performance.now();
  const deadline = started + options.durationMs;
  const maxOps = options.maxOps ?? Number.POSITIVE_INFINITY;
  let issued = 0;
  let done = 0;
  let failed = 0;
  const latencies: number[] = [];
  const lane = async (id: number) => {
    let n = 0;
    while (performance.now() < deadline && issued < maxOps) {
      issued++;
      const t = performance.now();
      try {
        await op(id, n);
        n++;
        done++;
        latencies.push(performance.now() - t);
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, (_, i) => lane(i)));
  return { done, failed, elapsedMs: performance.now() - started, latencies };
}

export const perSecond = (r: DriveResult) => (r.done / r.elapsedMs) * 1000;

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The payload every append row writes: about the size of a self-assessed score with its evidence. */
export const benchPayload = (lane: number, n: number) => ({
  agencyCode: `P01-X${String(lane).padStart(3, '0')}`,
  criterionCode: '3.3.1',
  points: 4.25,
  n,
  evidence: ['Báo cáo số 15/BC-UBND ngày 10/01', 'Quyết định số 245/QĐ-UBND'],
  comment: 'Đã rà soát đủ hồ sơ, tài liệu kiểm chứng theo hướng dẫn của Sở Nội vụ',
});
