import type { AgencyGroup } from '../domain/enums';
import type { ImportedEntryInput } from '../domain/ranking/importedEntries';

/** What importPublishedRanking takes, as JSON: the decision's date as YYYY-MM-DD. */
export interface ImportRequest {
  year: number;
  group: AgencyGroup;
  jurisdiction: string | null;
  decisionNumber: string;
  decisionDate: string;
  source: string;
  entries: ImportedEntryInput[];
}

/** The service said no: its message, `extensions.code`, and each problem it listed (BAD_USER_INPUT). */
export class ServiceRefusal extends Error {
  override name = 'ServiceRefusal';
  constructor(
    message: string,
    readonly code: string,
    readonly problems: { field: string; reason: string }[],
  ) {
    super(message);
  }
}

const MUTATION = `mutation Import($input: ImportPublishedRankingInput!, $commandId: ID) {
  importPublishedRanking(input: $input, commandId: $commandId) { year group jurisdiction imported decisionNumber entries { rank } }
}`;

interface GraphQLAnswer {
  data?: { importPublishedRanking?: { year: number; group: string; jurisdiction: string | null; entries: unknown[] } | null } | null;
  errors?: { message: string; extensions?: { code?: string; problems?: { field: string; reason: string }[] } }[];
}

/**
 * Sends the import through the service's GraphQL API, so it passes the same authorisation, rules and audit trail
 * as any client's. The command id is derived from the content: sending the same file again replays, never doubles.
 */
export async function sendImport(url: string, token: string, request: ImportRequest, commandId: string): Promise<{ entries: number }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: MUTATION, variables: { input: request, commandId } }),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause?.message;
    throw new Error(`the service at ${url} could not be reached${cause ? ` (${cause})` : ''}`, { cause: error });
  }
  let answer: GraphQLAnswer;
  try {
    answer = (await response.json()) as GraphQLAnswer;
  } catch (error) {
    throw new Error(`the service at ${url} answered HTTP ${response.status} without a GraphQL answer`, { cause: error });
  }
  const [error] = answer.errors ?? [];
  if (error) throw new ServiceRefusal(error.message, error.extensions?.code ?? 'UNKNOWN', error.extensions?.problems ?? []);
  const ranking = answer.data?.importPublishedRanking;
  if (!ranking) throw new Error(`the service at ${url} answered HTTP ${response.status} without the imported ranking`);
  return { entries: ranking.entries.length };
}
