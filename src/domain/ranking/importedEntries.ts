import type { RankingEntryData } from '../../events/parEvents';
import { toPoints } from '../points';
import { isCode } from '../validation';

/** One line of a published ranking as it is imported (importPublishedRanking's entries, a row of an import file). */
export interface ImportedEntryInput {
  agencyCode: string;
  agencyName: string;
  totalPoints: number;
  maxPoints: number;
  indexPercent: number;
  rank: number;
  band?: string | null;
}

export type ImportedEntryField = keyof ImportedEntryInput;

/** What is wrong with one entry: its position in the list, the field, and why (read after `entries[i].field: `). */
interface EntryProblem {
  index: number;
  field: ImportedEntryField;
  reason: string;
}

/** The published index is rounded (usually to 2 decimals); this much off the points' quotient is still the same index. */
const INDEX_TOLERANCE = 0.01;
const NAME_CHARS = 300;
const BAND_CHARS = 100;

function pointsProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'is not a number';
  if (value < 0) return `${value} is negative`;
  if (toPoints(value) === null) return `${value} has more than 4 decimals`;
  return null;
}

/** The rules one entry must meet on its own; the CLI checks each row of a file with these, the decider each entry. */
function entryProblems(entry: ImportedEntryInput, index: number): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const add = (field: ImportedEntryField, reason: string) => problems.push({ index, field, reason });
  if (!isCode(entry.agencyCode)) add('agencyCode', `"${entry.agencyCode}" is not a valid code (1–40 of A–Z, 0–9, "_", "-", ".")`);
  const name = entry.agencyName.trim();
  if (name.length === 0) add('agencyName', 'must not be empty');
  else if (name.length > NAME_CHARS) add('agencyName', `must be at most ${NAME_CHARS} characters`);
  const maxProblem = pointsProblem(entry.maxPoints);
  if (maxProblem) add('maxPoints', maxProblem);
  const totalProblem = pointsProblem(entry.totalPoints);
  const aboveMax = !totalProblem && !maxProblem && entry.totalPoints > entry.maxPoints;
  if (totalProblem) add('totalPoints', totalProblem);
  else if (aboveMax) add('totalPoints', `${entry.totalPoints} is more than maxPoints ${entry.maxPoints}`);
  if (!Number.isFinite(entry.indexPercent) || entry.indexPercent < 0 || entry.indexPercent > 100) {
    add('indexPercent', `${entry.indexPercent} is not between 0 and 100`);
  } else if (!maxProblem && !totalProblem && !aboveMax && entry.maxPoints > 0) {
    // Points already wrong would only repeat themselves as a wrong index.
    const computed = (entry.totalPoints / entry.maxPoints) * 100;
    // Compared with a hair of slack for binary noise: 85.125 printed as 85.12 or 85.13 both pass.
    if (Math.abs(computed - entry.indexPercent) > INDEX_TOLERANCE + 1e-9) {
      add('indexPercent', `${entry.indexPercent} does not match totalPoints ÷ maxPoints × 100 = ${computed.toFixed(4)}`);
    }
  }
  if (!Number.isInteger(entry.rank) || entry.rank < 1) add('rank', `${entry.rank} is not a positive whole number`);
  if ((entry.band ?? '').trim().length > BAND_CHARS) add('band', `must be at most ${BAND_CHARS} characters`);
  return problems;
}

/**
 * Rules across entries: each agency listed once, and ranks that follow the index (a higher index never has a
 * worse rank; equal ranks have equal indices). Equal printed indices may still have different ranks, as a
 * published tie-break on unrounded figures gives. Entries with a problem of their own are left out here.
 */
function listProblems(entries: readonly ImportedEntryInput[], sound: ReadonlySet<number>, name: (index: number) => string): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const firstAt = new Map<string, number>();
  entries.forEach((e, index) => {
    const earlier = firstAt.get(e.agencyCode);
    if (earlier === undefined) firstAt.set(e.agencyCode, index);
    else problems.push({ index, field: 'agencyCode', reason: `${e.agencyCode} is listed twice (also ${name(earlier)})` });
  });
  const byRank = [...sound].sort((a, b) => entries[a].rank - entries[b].rank || a - b);
  // The lowest index of every entry ranked strictly better than the current one, and which entry has it.
  let better: { index: number; lowest: number } | null = null;
  let group: { rank: number; first: number; lowest: { index: number; lowest: number } } | null = null;
  for (const i of byRank) {
    const e = entries[i];
    if (group && group.rank !== e.rank) {
      better = better && better.lowest <= group.lowest.lowest ? better : group.lowest;
      group = null;
    }
    // A wrong entry is reported and left out of the comparison, so one misplaced row does not flag its neighbours.
    if (better && e.indexPercent > better.lowest + 1e-9) {
      problems.push({
        index: i,
        field: 'rank',
        reason: `rank ${e.rank} with index ${e.indexPercent} is below ${name(better.index)} with the lower index ${better.lowest}`,
      });
    } else if (group && Math.abs(entries[group.first].indexPercent - e.indexPercent) > 1e-9) {
      problems.push({
        index: i,
        field: 'rank',
        reason: `shares rank ${e.rank} with ${name(group.first)} but not its index (${entries[group.first].indexPercent})`,
      });
    } else if (!group) group = { rank: e.rank, first: i, lowest: { index: i, lowest: e.indexPercent } };
    else if (e.indexPercent < group.lowest.lowest) group.lowest = { index: i, lowest: e.indexPercent };
  }
  return problems;
}

/**
 * Every problem of the list, by entry then field order of discovery: all of them, so a file is fixed in one pass.
 * `name` says how a reason refers to another entry (the CLI says "row 7", the API "entries[5]").
 */
export function importedEntriesProblems(
  entries: readonly ImportedEntryInput[],
  name: (index: number) => string = (index) => `entries[${index}]`,
): EntryProblem[] {
  const own = entries.map((e, i) => entryProblems(e, i));
  const sound = new Set(own.flatMap((p, i) => (p.length === 0 ? [i] : [])));
  return [...own.flat(), ...listProblems(entries, sound, name)].sort((a, b) => a.index - b.index);
}

/** An entry that passed the checks, as the event records it: figures as published, names trimmed. */
export function importedEntryData(entry: ImportedEntryInput): RankingEntryData {
  const band = (entry.band ?? '').trim();
  return {
    rank: entry.rank,
    agencyCode: entry.agencyCode,
    agencyName: entry.agencyName.trim(),
    totalPoints: entry.totalPoints,
    maxPoints: entry.maxPoints,
    indexPercent: entry.indexPercent,
    band: band.length > 0 ? band : null,
  };
}
