import { vietnamDayOf } from '../../domain/calendarDate';
import type { Duty } from '../../domain/duty/duty';
import type { RecordedParEvent } from '../../events/parEvents';
import { defineProjection, type DocChange } from '../projection';
import { commendationId, type CommendationDocument, type ProposalDocument } from './proposalDocuments';
import { appraisalDuty, decisionDuty, opinionDuties, remedialPlanDuty, UBND } from './proposalDuties';

/** Whether the People's Committee is a registered agency (its decision duties are recorded only then). */
const DECIDER = { collection: 'deciders', id: UBND };

function proposalChanges(p: ProposalDocument, ubndRegistered: boolean): DocChange[] {
  const duties: Duty[] = [appraisalDuty(p), ...opinionDuties(p)];
  const decision = ubndRegistered ? decisionDuty(p) : null;
  if (decision) duties.push(decision);
  return [{ collection: 'proposals', id: p.code, doc: p }, ...duties.map((d) => ({ collection: 'duties', id: d.id, doc: d }))];
}

function commendationChanges(c: CommendationDocument): DocChange[] {
  const changes: DocChange[] = [{ collection: 'commendations', id: commendationId(c.year, c.agencyCode), doc: c }];
  if (c.kind === 'ACCOUNTABILITY' && c.remedialPlanDueAt) {
    const duty = remedialPlanDuty({ ...c, remedialPlanDueAt: c.remedialPlanDueAt, submittedAt: c.remedialPlan?.submittedAt ?? null });
    changes.push({ collection: 'duties', id: duty.id, doc: duty });
  }
  return changes;
}

function proposalStep(event: RecordedParEvent, current: ProposalDocument | null, at: string): ProposalDocument | null {
  if (event.type === 'ReformProposalSubmitted') {
    const { code, title, agencyCode, summary, attachments } = event.data;
    const year = Number(vietnamDayOf(new Date(at)).slice(0, 4));
    return { code, title, agencyCode, summary, attachments, year, status: 'SUBMITTED', submittedAt: at, opinions: [], appraisal: null, decision: null };
  }
  if (!current) return null;
  switch (event.type) {
    case 'ProposalOpinionsRequested': {
      const asked = new Set(event.data.agencyCodes);
      // Asking again moves the deadline of an agency that has not answered yet.
      const kept = current.opinions.filter((o) => !asked.has(o.agencyCode));
      const added = event.data.agencyCodes.map((agencyCode) => ({
        agencyCode,
        askedAt: at,
        dueAt: event.data.dueAt,
        opinion: null,
        text: null,
        givenAt: null,
      }));
      return { ...current, status: 'OPINIONS_REQUESTED', opinions: [...kept, ...added] };
    }
    case 'ProposalOpinionGiven': {
      const { agencyCode, opinion, text } = event.data;
      return { ...current, opinions: current.opinions.map((o) => (o.agencyCode === agencyCode ? { ...o, opinion, text, givenAt: at } : o)) };
    }
    case 'ProposalAppraised':
      return { ...current, status: 'APPRAISED', appraisal: { recommendation: event.data.recommendation, text: event.data.text, appraisedAt: at } };
    case 'ProposalDecided': {
      const { decision, decisionNumber, decisionDate } = event.data;
      return { ...current, status: 'DECIDED', decision: { decision, decisionNumber, decisionDate, decidedAt: at } };
    }
    default:
      return null;
  }
}

/**
 * Reform proposals (Art. 6) and commendation and accountability proposals (Art. 16(6)), with the duties they give
 * rise to (DUTY_SOURCES): SNV's appraisal, the asked agencies' opinions, the People's Committee's decision, the
 * remedial plan of an agency held accountable.
 */
export const proposalsProjection = defineProjection({
  name: 'proposals',
  version: 1,
  collections: [
    { name: 'proposals', indexes: [['year'], ['status']] },
    { name: 'commendations', indexes: [['year']] },
    { name: 'duties', indexes: [['agencyCode']] },
    { name: 'deciders', indexes: [] },
  ],
  handles: [
    'AgencyRegistered',
    'ReformProposalSubmitted',
    'ProposalOpinionsRequested',
    'ProposalOpinionGiven',
    'ProposalAppraised',
    'ProposalDecided',
    'CommendationProposed',
    'AccountabilityProposed',
    'RemedialPlanSubmitted',
  ],
  reads(event) {
    switch (event.type) {
      case 'AgencyRegistered':
        return [];
      case 'CommendationProposed':
      case 'AccountabilityProposed':
      case 'RemedialPlanSubmitted':
        return [{ collection: 'commendations', id: commendationId(event.data.year, event.data.agencyCode) }];
      case 'ReformProposalSubmitted':
      case 'ProposalOpinionsRequested':
      case 'ProposalOpinionGiven':
      case 'ProposalAppraised':
      case 'ProposalDecided':
        return [{ collection: 'proposals', id: event.data.code }, DECIDER];
      default:
        return [];
    }
  },
  apply(event, docs) {
    const at = event.metadata.recordedAt;
    switch (event.type) {
      case 'AgencyRegistered':
        return event.data.code === UBND ? [{ ...DECIDER, doc: { code: UBND } }] : [];
      case 'CommendationProposed':
      case 'AccountabilityProposed': {
        const { year, group, agencyCode, rank, band, reason, basis } = event.data;
        const kind = event.type === 'CommendationProposed' ? 'COMMENDATION' : 'ACCOUNTABILITY';
        const remedialPlanDueAt = event.type === 'AccountabilityProposed' ? event.data.remedialPlanDueAt : null;
        return commendationChanges({ year, group, agencyCode, kind, rank, band, reason, basis, proposedAt: at, remedialPlanDueAt, remedialPlan: null });
      }
      case 'RemedialPlanSubmitted': {
        const current = docs<CommendationDocument>('commendations', commendationId(event.data.year, event.data.agencyCode));
        if (!current) return [];
        const { weakCriteria, actions, dueAt } = event.data;
        return commendationChanges({ ...current, remedialPlan: { weakCriteria, actions, dueAt, submittedAt: at } });
      }
      default: {
        const current = 'code' in event.data ? docs<ProposalDocument>('proposals', String(event.data.code)) : null;
        const next = proposalStep(event, current, at);
        return next ? proposalChanges(next, docs(DECIDER.collection, DECIDER.id) !== null) : [];
      }
    }
  },
});
