import { event, type AssessmentEvent, type CriterionDefinition } from '../../events/parEvents';
import type { ComplaintOutcome } from '../enums';
import { COMPLAINT_OUTCOMES } from '../enums';
import { DomainError, badInput, invalidState } from '../errors';
import { optionalText, requireCriterionCode, requireText } from '../validation';
import type { AssessmentState } from './assessment';
import type { AssessmentContext } from './assessmentDecider';
import { requireParticipant } from './rules';

/**
 * Complaints after publication (khiếu nại): once its group's ranking is published, the agency's officer may
 * complain about a criterion's result within the complaint period of that publication (PAR_COMPLAINT_DAYS, 15 by
 * default); the coordinator upholds or rejects each. An upheld complaint is corrected by reopening the assessment,
 * appraising again, finalising and republishing the ranking with a reason.
 */
export type LodgeComplaint = {
  type: 'LodgeComplaint';
  context: AssessmentContext;
  criterionCode: string;
  text: string;
  /** How many days after a publication complaints are received (configuration). */
  complaintDays: number;
};

export type ResolveComplaint = {
  type: 'ResolveComplaint';
  context: AssessmentContext;
  complaintId: string;
  outcome: ComplaintOutcome;
  comment?: string | null;
};

const DAY_MS = 24 * 3600 * 1000;

/** Every code of the framework's tree (areas, criteria at every level, leaves): a complaint may name any of them. */
function frameworkCodes(context: AssessmentContext): Set<string> {
  const codes = new Set<string>();
  const walk = (node: CriterionDefinition) => {
    codes.add(node.code);
    node.children.forEach(walk);
  };
  for (const area of context.framework.areas) {
    codes.add(area.code);
    area.criteria.forEach(walk);
  }
  return codes;
}

export function decideLodgeComplaint(command: LodgeComplaint, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  const participant = requireParticipant(context);
  const criterionCode = requireCriterionCode('criterionCode', command.criterionCode);
  if (!frameworkCodes(context).has(criterionCode)) {
    throw badInput('criterionCode', `criterion ${criterionCode} is not in framework ${context.framework.code}`);
  }
  const text = requireText('text', command.text, 4000);
  const publication = context.cycle.published[participant.group];
  if (!publication) {
    throw invalidState(`the ${context.cycle.year} ${participant.group} ranking is not published yet; complaints answer a published result`);
  }
  const closesAt = new Date(Date.parse(publication.publishedAt) + command.complaintDays * DAY_MS).toISOString();
  if (context.now.getTime() > Date.parse(closesAt)) {
    throw new DomainError(
      'DEADLINE_PASSED',
      `complaints about the ${context.cycle.year} ${participant.group} ranking published ${publication.publishedAt} were received until ${closesAt} (${command.complaintDays} days)`,
      'year',
    );
  }
  return [
    event('ComplaintLodged', {
      year: context.cycle.year,
      agencyCode: context.agencyCode,
      // Numbered in the order lodged within the assessment, so a replay gives the same ids.
      complaintId: `KN-${(state.complaints ?? []).length + 1}`,
      criterionCode,
      text,
      publishedAt: publication.publishedAt,
    }),
  ];
}

export function decideResolveComplaint(command: ResolveComplaint, state: AssessmentState): AssessmentEvent[] {
  const { context } = command;
  requireParticipant(context);
  const complaint = (state.complaints ?? []).find((c) => c.id === command.complaintId);
  if (!complaint) {
    throw new DomainError('NOT_FOUND', `complaintId: ${context.agencyCode} has no complaint ${command.complaintId} in ${context.cycle.year}`, 'complaintId');
  }
  if (complaint.outcome !== null) {
    throw invalidState(`complaint ${complaint.id} of ${context.agencyCode} was already resolved (${complaint.outcome}, ${complaint.resolvedAt})`);
  }
  if (!COMPLAINT_OUTCOMES.includes(command.outcome)) throw badInput('outcome', `must be ${COMPLAINT_OUTCOMES.join(' or ')}, got ${String(command.outcome)}`);
  const comment = optionalText('comment', command.comment, 4000);
  if (command.outcome === 'REJECTED' && !comment) throw badInput('comment', 'say why the complaint is rejected');
  return [
    event('ComplaintResolved', {
      year: context.cycle.year,
      agencyCode: context.agencyCode,
      complaintId: complaint.id,
      criterionCode: complaint.criterionCode,
      outcome: command.outcome,
      comment,
    }),
  ];
}
