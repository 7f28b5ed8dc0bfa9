/**
 * Measures /health latency while hostile requests arrive (issue 6: "While such requests arrive, /health stays
 * under 100 ms"). Starts the real service (src/main.ts) on a fresh SQLite store, grows the log, then, for a few
 * seconds, several loops send the requests (300 aliases of logVerification as INSPECTOR, 200 aliases of
 * assessment(asOf:) as AGENCY_OFFICER) while /health is probed every 20 ms.
 *
 *   node -r @swc-node/register scripts/healthUnderLoad.ts [--seconds 20] [--concurrency 8] [--events 600] [KEY=VALUE …]
 *
 * KEY=VALUE pairs are passed to the service, e.g. PAR_MAX_ALIASES=400 (the cost limit refuses them instead) or
 * PAR_MAX_ALIASES=1000 PAR_MAX_QUERY_COST=100000000 (no limits: the behaviour the issue found).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceProcess, token } from '../test/support/serviceProcess';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const seconds = flag('seconds', 20);
const concurrency = flag('concurrency', 8);
const events = flag('events', 600);
const serviceEnv = Object.fromEntries(args.filter((a) => /^[A-Z_]+=/.test(a)).map((a) => a.split(/=(.*)/s).slice(0, 2)));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { count: s.length, p50: r(percentile(s, 50)), p99: r(percentile(s, 99)), max: r(s[s.length - 1]) };
};

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await f();
  return [performance.now() - start, value];
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'par-health-'));
  const service = await startServiceProcess({ PAR_DATA_DIR: dataDir, PAR_SEED: 'true', ...serviceEnv });
  const health = service.url.replace(/\/graphql$/, '/health');
  try {
    const coordinator = token(['COORDINATOR'], 'SNV');
    const ok = (r: { errors?: unknown[] }) => {
      if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
    };
    ok(
      await service.gql(
        `mutation { openAssessmentCycle(commandId: "open-2026", input: { year: 2026, frameworkCodes: ["QN-SAMPLE-SO", "QN-SAMPLE-NGANHDOC", "QN-SAMPLE-HUYEN"],
          selfAssessmentDeadline: "2099-01-15T17:00:00+07:00", appraisalDeadline: "2099-03-15T17:00:00+07:00" }) { year } }`,
        {},
        coordinator,
      ),
    );
    // Grow the log with self-assessment revisions, so the expensive reads have something to read.
    const districts = ((await service.gql('{ agencies(group: DISTRICT) { code } }', {}, coordinator)).data as { agencies: { code: string }[] }).agencies.map(
      (a) => a.code,
    );
    for (let i = 0; ((await fetch(health).then((r) => r.json())) as { position: number }).position < events; i++) {
      const agencyCode = districts[i % districts.length];
      ok(
        await service.gql(
          `mutation($input: SubmitSelfAssessmentInput!) { submitSelfAssessment(input: $input) { version } }`,
          { input: { year: 2026, agencyCode, scores: [{ criterionCode: '1.1.1', points: (i % 4) * 0.25, evidence: [`KH ${i}/KH-UBND`] }] } },
          token(['AGENCY_OFFICER'], agencyCode),
        ),
      );
    }
    const position = ((await fetch(health).then((r) => r.json())) as { position: number }).position;

    let probeFailures = 0;
    const probe = async (count: number, everyMs: number) => {
      const latencies: number[] = [];
      for (let i = 0; i < count; i++) {
        try {
          const [ms, res] = await timed(() => fetch(health));
          await res.arrayBuffer();
          latencies.push(ms);
        } catch {
          probeFailures += 1;
        }
        await new Promise((r) => setTimeout(r, everyMs));
      }
      return latencies;
    };
    const idle = await probe(200, 5);

    const inspector = token(['INSPECTOR']);
    const officer = token(['AGENCY_OFFICER'], 'TAMKY');
    const hostile = [
      {
        name: '300 × logVerification',
        token: inspector,
        query: `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: logVerification { checked headHash }`).join(' ')} }`,
      },
      {
        name: '200 × assessment(asOf:)',
        token: officer,
        query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: assessment(year: 2026, agencyCode: "TAMKY", asOf: { position: ${position - i} }) { version totalPoints }`).join(' ')} }`,
      },
    ];
    const answers = new Map<string, number>();
    const hostileMs: number[] = [];
    const until = Date.now() + seconds * 1000;
    const loops = Array.from({ length: concurrency }, async (_, w) => {
      for (let i = w; Date.now() < until; i++) {
        const request = hostile[i % hostile.length];
        let key: string;
        try {
          const [ms, res] = await timed(() =>
            fetch(service.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
              body: JSON.stringify({ query: request.query }),
            }),
          );
          const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
          hostileMs.push(ms);
          key = `${request.name}: ${res.status} ${body.errors?.[0]?.extensions?.code ?? 'data'}`;
        } catch (error) {
          key = `${request.name}: failed (${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message})`;
        }
        answers.set(key, (answers.get(key) ?? 0) + 1);
      }
    });
    const underLoad = await probe(Math.floor((seconds * 1000) / 25), 20);
    await Promise.all(loops);

    console.log(
      JSON.stringify(
        {
          service: serviceEnv,
          logPosition: position,
          concurrency,
          seconds,
          healthIdleMs: summary(idle),
          healthUnderLoadMs: summary(underLoad),
          healthProbeFailures: probeFailures,
          hostileRequestMs: summary(hostileMs),
          hostileAnswers: Object.fromEntries(answers),
        },
        null,
        2,
      ),
    );
  } catch (error) {
    console.error(`service output (last 2,000 characters):\n${service.output().slice(-2000)}`);
    throw error;
  } finally {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
