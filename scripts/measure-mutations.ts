/**
 * Mutations per second over HTTP (issue 8's "mutations over HTTP" row): starts the real service (src/main.ts) on a
 * fresh SQLite store, opens a cycle, then `--clients` loops send submitSelfAssessment for `--seconds`, each client
 * as the officer of its own district (one criterion per request, so every request appends and waits for its
 * read-your-writes). Prints requests/s, p50 and p99.
 *
 *   node -r @swc-node/register scripts/measure-mutations.ts [--clients 10] [--seconds 10] [KEY=VALUE …]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess, token } from '../test/support/serviceProcess';
import { quangNamAgencies } from '../src/seed/quangNamAgencies';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const clients = flag('clients', 10);
const seconds = flag('seconds', 10);
const serviceEnv = Object.fromEntries(args.filter((a) => /^[A-Z_]+=/.test(a)).map((a) => a.split(/=(.*)/s).slice(0, 2)));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'par-mutations-'));
  const service = await startServiceProcess({ PAR_DATA_DIR: dataDir, PAR_SEED: 'true', ...serviceEnv });
  try {
    const coordinator = token(['COORDINATOR'], 'SNV');
    const opened = await service.gql(
      `mutation { openAssessmentCycle(input: { year: 2026, frameworkCodes: ["QN-SAMPLE-SO", "QN-SAMPLE-NGANHDOC", "QN-SAMPLE-HUYEN"],
        selfAssessmentDeadline: "2099-01-15T17:00:00+07:00", appraisalDeadline: "2099-03-15T17:00:00+07:00" }) { year } }`,
      {},
      coordinator,
    );
    if (opened.errors?.length) throw new Error(JSON.stringify(opened.errors));
    const districts = quangNamAgencies.filter((a) => a.group === 'DISTRICT').map((a) => a.code);
    const latencies: number[] = [];
    let failed = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const agencyCode = districts[c % districts.length];
        const officer = token(['AGENCY_OFFICER'], agencyCode);
        for (let i = 0; performance.now() < until; i++) {
          const start = performance.now();
          const result = await service.gql(
            `mutation($input: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $input) { status } }`,
            { input: { year: 2026, agencyCode, scores: [{ criterionCode: '1.1.1', points: (i % 4) * 0.25, evidence: [`KH ${i}/KH-UBND`] }] } },
            officer,
          );
          latencies.push(performance.now() - start);
          if (result.errors?.length) failed++;
        }
      }),
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `${clients} clients, ${seconds} s: ${(latencies.length / seconds).toFixed(0)} mutations/s, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, ${failed} failed`,
    );
  } finally {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
