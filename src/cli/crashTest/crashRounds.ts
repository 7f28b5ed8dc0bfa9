import { randomBytes, randomInt } from 'node:crypto';
import { signToken } from '../../auth/tokenSigner';
import type { EventStore } from '../../events/store/eventStore';
import { verifyChain } from '../../events/hashChain';
import { createScratchStores, type CrashStore } from './scratchStore';
import { ServiceProcess, type GraphQLAnswer } from './serviceProcess';

export interface CrashTestOptions {
  rounds: number;
  store: CrashStore;
  /** PostgreSQL server to create the scratch database on (store postgres only). */
  url: string | null;
  /** Concurrent clients sending mutations. */
  clients: number;
  /** The service is killed after a random number of acknowledgements in this range. */
  killAfter: [number, number];
  keep: boolean;
}

interface RoundReport {
  round: number;
  sent: number;
  acknowledged: number;
  /** Acknowledged commands missing from the log or from the read models after the restart. */
  lostInLog: string[];
  lostInReadModel: string[];
  /** Answers that were neither a success, NOT_YET_VISIBLE nor a dropped connection. */
  unexpected: string[];
  head: number;
  chainBreak: string | null;
  seconds: number;
}

interface CrashTestSummary {
  rounds: RoundReport[];
  acknowledged: number;
  lost: number;
  failedRounds: number;
  seconds: number;
}

const REGISTER = `mutation($input: RegisterAgencyInput!, $commandId: ID) { registerAgency(input: $input, commandId: $commandId) { code } }`;
const CHECK = `{ agencies(group: COMMUNE) { code } projections { name checkpoint } }`;

/**
 * kill -9 under concurrent load, N times: start the service, let M clients send mutations with known command
 * ids, SIGKILL it after some acknowledgements, restart it, then check that every acknowledged command is in the
 * log (by its commandId) and in the read models, and that the hash chain verifies from the first event.
 */
export async function runCrashTest(options: CrashTestOptions, report: (line: string) => void): Promise<CrashTestSummary> {
  const started = Date.now();
  const secret = randomBytes(32).toString('hex');
  const token = signToken({ sub: 'crash-test', name: 'Crash test', agency: 'SNV', roles: ['COORDINATOR'] }, secret, { expiresInSeconds: 6 * 3600 });
  const stores = await createScratchStores(options.store, options.url);
  report(`crash test: ${options.rounds} rounds, ${options.clients} clients, on ${stores.description}`);
  // A stable instance id: the restarted process takes its own projection lease back at once, as a restarted
  // service would, instead of waiting for the killed one's lease to expire.
  const env = { ...stores.env, PAR_SEED: 'false', PAR_JWT_SECRET: secret, PAR_INSTANCE_ID: 'crash-test', PAR_FULL_VERIFY_INTERVAL_S: '0', LOG_LEVEL: 'warn' };
  const log = await stores.openLog();
  const rounds: RoundReport[] = [];
  let service: ServiceProcess | null = null;
  try {
    service = await ServiceProcess.start(env);
    for (let round = 1; round <= options.rounds; round++) {
      const outcome = await crashRound(round, service, env, token, log, options);
      service = outcome.restarted;
      rounds.push(outcome.report);
      report(describeRound(outcome.report, options.rounds));
      if (!service) break; // it did not come back after the kill: nothing more to test
    }
  } finally {
    await service?.stop().catch(() => undefined);
    await log.close();
    if (!options.keep) await stores.remove();
    else report(`kept: ${stores.description}`);
  }
  const lost = rounds.reduce((n, r) => n + r.lostInLog.length + r.lostInReadModel.length, 0);
  const summary: CrashTestSummary = {
    rounds,
    acknowledged: rounds.reduce((n, r) => n + r.acknowledged, 0),
    lost,
    failedRounds: rounds.filter(failed).length,
    seconds: (Date.now() - started) / 1000,
  };
  report(
    `${failedRounds(summary)}: ${summary.rounds.length} rounds, ${summary.acknowledged} acknowledged commands, ${lost} lost, ` +
      `${summary.failedRounds} rounds failed, ${summary.seconds.toFixed(1)} s`,
  );
  return summary;
}

async function crashRound(round: number, service: ServiceProcess, env: Record<string, string>, token: string, log: EventStore, options: CrashTestOptions) {
  const started = Date.now();
  const killAt = randomInt(options.killAfter[0], options.killAfter[1] + 1);
  const acknowledged = new Map<string, string>(); // commandId → agency code
  const reportedPositions = new Map<string, number>(); // commandId → extensions.command.position, when answered
  const unexpected: string[] = [];
  let sent = 0;
  let killing: Promise<void> | null = null;

  const client = async (lane: number) => {
    for (let i = 0; !killing; i++) {
      const code = `R${round}C${lane}N${i}`;
      const commandId = `crash-${round}-${lane}-${i}`;
      sent++;
      let answer: GraphQLAnswer<{ registerAgency: { code: string } }>;
      try {
        answer = await service.gql(REGISTER, { input: { code, name: `Đơn vị thử ${code}`, group: 'COMMUNE' }, commandId }, token);
      } catch {
        return; // the connection died with the process: never acknowledged
      }
      const code0 = answer.errors?.[0]?.extensions?.code;
      // NOT_YET_VISIBLE acknowledges the commit too: the command is in the log, only the read models lag.
      if (answer.status === 200 && (answer.data?.registerAgency || code0 === 'NOT_YET_VISIBLE')) {
        acknowledged.set(commandId, code);
        const position = answer.extensions?.command?.position ?? answer.errors?.[0]?.extensions?.position;
        if (typeof position === 'number') reportedPositions.set(commandId, position);
      } else if (!killing) unexpected.push(`${commandId}: HTTP ${answer.status} ${String(code0 ?? '')} ${answer.errors?.[0]?.message ?? ''}`.trim());
      if (acknowledged.size >= killAt && !killing) killing = service.kill9();
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, lane) => client(lane)));
  await killing;

  let restarted: ServiceProcess;
  try {
    restarted = await ServiceProcess.start(env);
  } catch (error) {
    // A service that cannot start again after a crash is the worst outcome this test can find.
    const reason = `the service did not start again after the kill: ${(error as Error).message}`;
    const report: RoundReport = {
      round,
      sent,
      acknowledged: acknowledged.size,
      lostInLog: [],
      lostInReadModel: [],
      unexpected: [reason],
      head: await log.headPosition(),
      chainBreak: null,
      seconds: (Date.now() - started) / 1000,
    };
    return { report, restarted: null };
  }
  const logged = await commandIdsInLog(log);
  // In the log under its commandId, and at the position the answer reported, when it reported one.
  const lostInLog = [...acknowledged.keys()].filter(
    (id) => !logged.has(id) || (reportedPositions.has(id) && !logged.get(id)!.includes(reportedPositions.get(id)!)),
  );
  const check = await restarted.gql<{ agencies: { code: string }[]; projections: { name: string; checkpoint: number }[] }>(CHECK, {}, token);
  const registered = new Set((check.data?.agencies ?? []).map((a) => a.code));
  const lostInReadModel = [...acknowledged].filter(([, code]) => !registered.has(code)).map(([id]) => id);
  if (check.errors) unexpected.push(`check query: ${check.errors.map((e) => e.message).join('; ')}`);
  const verification = await verifyChain((after, limit) => log.readAll(after, limit));
  const head = await log.headPosition();
  const behind = (check.data?.projections ?? []).filter((p) => p.checkpoint !== head);
  if (behind.length > 0) unexpected.push(`projections behind the head ${head} after the restart: ${behind.map((p) => `${p.name}@${p.checkpoint}`).join(', ')}`);
  const chainBreak = verification.firstBreak ? `position ${verification.firstBreak.globalPosition}: ${verification.firstBreak.reason}` : null;
  const report: RoundReport = {
    round,
    sent,
    acknowledged: acknowledged.size,
    lostInLog,
    lostInReadModel,
    unexpected,
    head,
    chainBreak,
    seconds: (Date.now() - started) / 1000,
  };
  return { report, restarted };
}

/** The positions of every commandId in the log (metadata.commandId), read with the store's own adapter. */
async function commandIdsInLog(log: EventStore): Promise<Map<string, number[]>> {
  const ids = new Map<string, number[]>();
  for (let after = 0; ;) {
    const batch = await log.readAll(after, 1000);
    if (batch.length === 0) return ids;
    for (const event of batch) ids.set(event.metadata.commandId, [...(ids.get(event.metadata.commandId) ?? []), event.globalPosition]);
    after = batch[batch.length - 1].globalPosition;
  }
}

function failed(r: RoundReport): boolean {
  return r.lostInLog.length > 0 || r.lostInReadModel.length > 0 || r.chainBreak !== null || r.unexpected.length > 0;
}

function failedRounds(summary: CrashTestSummary): string {
  return summary.lost === 0 && summary.failedRounds === 0 ? 'PASSED' : 'FAILED';
}

function describeRound(r: RoundReport, total: number): string {
  const width = String(total).length;
  const status = failed(r) ? 'FAIL' : 'ok  ';
  const base =
    `${status} round ${String(r.round).padStart(width)}/${total}: ${r.acknowledged} acknowledged of ${r.sent} sent, head ${r.head}, ` +
    `${r.acknowledged - r.lostInLog.length} in the log, ${r.acknowledged - r.lostInReadModel.length} in the read model, chain ${r.chainBreak ? `BROKEN at ${r.chainBreak}` : 'intact'}, ${r.seconds.toFixed(1)} s`;
  const details = [
    ...r.lostInLog.slice(0, 5).map((id) => `  lost in the log: ${id}`),
    ...r.lostInReadModel.slice(0, 5).map((id) => `  lost in the read model: ${id}`),
    ...r.unexpected.slice(0, 5).map((line) => `  unexpected: ${line}`),
  ];
  return [base, ...details].join('\n');
}
