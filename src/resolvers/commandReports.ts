import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { CommandOutcome } from '../commands/commandHandler';
import { DomainError } from '../domain/errors';
import type { ProjectionName } from '../projections/allProjections';
import { checkCommandId } from '../schema/inputs/argBounds';
import { ANSWERS_FROM } from './answersFrom';

/**
 * What a mutation answer tells the client about its command, as `extensions.command`: the commandId (the client's,
 * or the one generated for it), the position of its last event (null when nothing was appended) and whether it
 * was a replay of an earlier request with the same id. With it a client can always retry safely.
 */
interface CommandReport {
  commandId: string | null;
  position: number | null;
  replayed: boolean;
}

/** The commands of one request, in the order its mutations ran. */
export class CommandReports {
  private readonly reports: CommandReport[] = [];
  /** What each mutation's answer reads (ANSWERS_FROM); kept beside the reports, which the client sees as they are. */
  private readonly answersFrom = new Map<CommandReport, readonly ProjectionName[]>();

  /** A mutation starts: its commandId is fixed now, so even a refusal can report it. */
  begin(commandId: string | null, answersFrom: readonly ProjectionName[] | null = null): void {
    const report = { commandId, position: null, replayed: false };
    this.reports.push(report);
    if (answersFrom) this.answersFrom.set(report, answersFrom);
  }

  /**
   * The command was handled (appended, or replayed): its report, and the read models its answer reads (null
   * when the mutation did not say, then read-your-writes waits for every one).
   */
  settle(outcome: CommandOutcome): { report: CommandReport; answersFrom: readonly ProjectionName[] | null } {
    const report = this.reports.find((r) => r.commandId === outcome.commandId && r.position === null);
    const settled = { commandId: outcome.commandId, position: outcome.lastPosition, replayed: outcome.replayed };
    if (report) Object.assign(report, settled);
    else this.reports.push(settled);
    return { report: settled, answersFrom: (report && this.answersFrom.get(report)) ?? null };
  }

  list(): readonly CommandReport[] {
    return this.reports;
  }
}

/**
 * Read-your-writes with a bound: resolves once the read models include the command, or fails with NOT_YET_VISIBLE
 * (carrying the command's report) when they do not within the bound, whatever the reason (slow, or a projection
 * that failed). The command is committed either way: a retry with the same commandId replays, it never appends.
 */
export async function awaitVisible(
  reports: CommandReports,
  outcome: CommandOutcome,
  /** Waits until the named projections (every one when null) have applied the position. */
  wait: (position: number, projections: readonly ProjectionName[] | null) => Promise<void>,
  /** Whether a projection the mutation answers from failed at or before this position (it is not waited for). */
  failedBy: (position: number, projections: readonly ProjectionName[] | null) => boolean = () => false,
): Promise<void> {
  const { report, answersFrom } = reports.settle(outcome);
  try {
    await wait(outcome.lastPosition, answersFrom);
    // The runner does not wait for a failed projection; answering from it would show the state before the command.
    if (failedBy(outcome.lastPosition, answersFrom)) throw new Error('a projection read by this mutation has failed');
  } catch {
    throw new DomainError(
      'NOT_YET_VISIBLE',
      `command ${report.commandId} is committed (position ${report.position}) but the read models have not caught up with it yet: read again shortly, or retry with the same commandId (it will not append again)`,
      undefined,
      { ...report },
    );
  }
}

interface WithCommandReports {
  commandReports: CommandReports;
}

/**
 * Fixes every mutation's commandId before its resolver runs: the client's, or a generated UUID that the resolver
 * then passes on as if the client had sent it. A client commandId that breaks the argument's rules is not echoed
 * (its refusal names the field); it is reported as null. Each command's report also carries the read models its
 * answer reads (ANSWERS_FROM), for read-your-writes; a mutation missing there is refused when the schema is built.
 */
export function fixCommandIds(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  for (const field of Object.values(mutation?.getFields() ?? {})) {
    if (!field.args.some((arg) => arg.name === 'commandId')) continue;
    const answersFrom = ANSWERS_FROM[field.name];
    if (!answersFrom) throw new Error(`mutation ${field.name}: say in src/resolvers/answersFrom.ts which read models its answer reads`);
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (root, args: Record<string, unknown>, context: WithCommandReports, info) => {
      const given = args.commandId;
      const commandId = given === null || given === undefined ? randomUUID() : given;
      context.commandReports.begin(isReportable(commandId) ? commandId : null, answersFrom);
      return resolve(root, { ...args, commandId }, context, info);
    };
  }
  return schema;
}

function isReportable(commandId: unknown): commandId is string {
  if (typeof commandId !== 'string') return false;
  try {
    checkCommandId(commandId);
    return true;
  } catch {
    return false;
  }
}

/**
 * Puts `extensions.command` on every answer to a request that ran a mutation (the first one's report; a request
 * with several also gets all of them as `extensions.commands`).
 */
export function commandReportsPlugin<Context extends WithCommandReports>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const reports = contextValue.commandReports?.list() ?? [];
          if (reports.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, command: reports[0], ...(reports.length > 1 ? { commands: reports } : {}) };
        },
      };
    },
  };
}
