import { event, type AgencyGroup, type CycleEvent, type RankingEntryData } from '../../events/parEvents';
import type { AssessmentState } from '../assessment/assessment';
import { finalResult } from '../assessment/finalResult';
import { DomainError, badInput, invalidState } from '../errors';
import type { Framework } from '../framework/framework';
import { bandsOf } from '../ranking/bands';
import { rank } from '../ranking/ranking';
import { optionalText, requireCalendarDate, requireText } from '../validation';
import type { CycleState, OpenedCycle } from './cycle';

/** Loaded by the handler: the assessment of every participant of the group, with the group's framework. */
type GroupAssessments = { agencyCode: string; state: AssessmentState; framework: Framework }[];

/** SNV (COORDINATOR) freezes the ranking it proposes to the People's Committee. */
export type ProposeRanking = {
  type: 'ProposeRanking';
  year: number;
  group: AgencyGroup;
  assessments: GroupAssessments;
};

/** The People's Committee (UBND) approves the group's ranking by a numbered decision. */
export type PublishRanking = {
  type: 'PublishRanking';
  year: number;
  group: AgencyGroup;
  reason?: string | null;
  /** The People's Committee's decision approving the ranking, e.g. "123/QĐ-UBND", and its calendar date. */
  decisionNumber: string;
  decisionDate: Date;
  assessments: GroupAssessments;
};

/** One agency whose place differs between SNV's proposal and the ranking as it would be published now. */
interface RankingChange {
  agencyCode: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  proposed: Omit<RankingEntryData, 'agencyCode' | 'agencyName'> | null;
  now: Omit<RankingEntryData, 'agencyCode' | 'agencyName'> | null;
}

function requireGroup(state: CycleState, year: number, group: AgencyGroup): OpenedCycle {
  if (!state.opened) throw new DomainError('NOT_FOUND', `there is no ${year} cycle`, 'year');
  if (!state.frameworks.some((f) => f.group === group)) throw badInput('group', `the ${year} cycle has no framework for group ${group}`);
  return state;
}

/** The group's participants, sorted by code, that are neither finalised nor excluded: a ranking waits for them. */
function unfinalizedParticipants(cycle: OpenedCycle, group: AgencyGroup, assessments: GroupAssessments): string[] {
  const finalized = new Set(assessments.filter((a) => a.state.status === 'FINALIZED').map((a) => a.agencyCode));
  const excluded = new Set(cycle.excluded.map((x) => x.agencyCode));
  return cycle.participants
    .filter((p) => p.group === group && !finalized.has(p.code) && !excluded.has(p.code))
    .map((p) => p.code)
    .sort();
}

/**
 * The group's ranking as it stands: every participant must be finalised or excluded (otherwise INVALID_STATE with
 * `missing`, the agency codes); excluded agencies take no place in it.
 */
function rankGroup(cycle: OpenedCycle, group: AgencyGroup, assessments: GroupAssessments): RankingEntryData[] {
  const missing = unfinalizedParticipants(cycle, group, assessments);
  if (missing.length > 0) {
    throw invalidState(`the ${cycle.year} ${group} ranking needs every participant finalised or excluded; not yet: ${missing.join(', ')}`, { missing });
  }
  const names = new Map(cycle.participants.map((p) => [p.code, p.name]));
  const isExcluded = (code: string) => cycle.excluded.some((x) => x.agencyCode === code);
  const finalized = assessments.filter((a) => a.state.status === 'FINALIZED' && !isExcluded(a.agencyCode));
  if (finalized.length === 0) throw invalidState(`no ${group} assessment of ${cycle.year} is finalized yet; nothing to rank`);
  const candidates = finalized.map((a) => {
    // The totals finalisation recorded: bonus and penalty included, a waived survey left out.
    const result = finalResult(cycle, group, a.framework, a.state);
    return {
      agencyCode: a.agencyCode,
      agencyName: names.get(a.agencyCode) ?? a.agencyCode,
      totalPoints: result.totalPoints,
      maxPoints: result.applicableMaxPoints,
    };
  });
  return rank(candidates, bandsOf(cycle, group));
}

/** What differs, per agency (sorted by code), between the proposed entries and the current ones. */
function changesSince(proposed: RankingEntryData[], now: RankingEntryData[]): RankingChange[] {
  const place = (e: RankingEntryData | undefined) =>
    e ? { rank: e.rank, totalPoints: e.totalPoints, maxPoints: e.maxPoints, indexPercent: e.indexPercent, band: e.band } : null;
  const before = new Map(proposed.map((e) => [e.agencyCode, e]));
  const after = new Map(now.map((e) => [e.agencyCode, e]));
  const codes = [...new Set([...before.keys(), ...after.keys()])].sort();
  return codes.flatMap((agencyCode): RankingChange[] => {
    const [p, n] = [place(before.get(agencyCode)), place(after.get(agencyCode))];
    if (JSON.stringify(p) === JSON.stringify(n)) return [];
    return [{ agencyCode, change: p === null ? 'ADDED' : n === null ? 'REMOVED' : 'CHANGED', proposed: p, now: n }];
  });
}

/** SNV freezes the ranking as it stands; a later proposal replaces it until the People's Committee publishes one. */
export function decidePropose(command: ProposeRanking, state: CycleState): CycleEvent[] {
  const cycle = requireGroup(state, command.year, command.group);
  const entries = rankGroup(cycle, command.group, command.assessments);
  return [event('RankingProposed', { year: cycle.year, group: command.group, entries })];
}

/**
 * Publishes the group's ranking with the People's Committee's decision. With a proposal pending, that proposal is
 * what is published, unless the ranking changed since (an exclusion, a re-finalised assessment): then INVALID_STATE
 * listing the `changes`, and SNV proposes again.
 */
export function decidePublish(command: PublishRanking, state: CycleState): CycleEvent[] {
  const cycle = requireGroup(state, command.year, command.group);
  const reason = optionalText('reason', command.reason, 1000);
  const decisionNumber = requireText('decisionNumber', command.decisionNumber, 100);
  const decisionDate = requireCalendarDate('decisionDate', command.decisionDate);
  const alreadyPublished = cycle.published[command.group] !== undefined;
  if (alreadyPublished && !reason) {
    throw invalidState(`the ${command.year} ranking of ${command.group} is already published; to republish it, give a reason`, { field: 'reason' });
  }
  const entries = rankGroup(cycle, command.group, command.assessments);
  const proposal = cycle.proposed[command.group];
  if (proposal) {
    const changes = changesSince(proposal.entries, entries);
    if (changes.length > 0) {
      throw invalidState(
        `the ${cycle.year} ${command.group} ranking changed since SNV proposed it (${proposal.proposedAt}) for ${changes.map((c) => c.agencyCode).join(', ')}; SNV proposes it again first`,
        { changes },
      );
    }
  }
  const data = { year: cycle.year, group: command.group, entries: proposal ? proposal.entries : entries, decisionNumber, decisionDate };
  return alreadyPublished ? [event('RankingRepublished', { ...data, reason: reason as string })] : [event('RankingPublished', data)];
}
