import type { Duty } from '../../domain/duty/duty';
import type { ProposalDocument } from './proposalDocuments';

// The duties reform proposals and accountability give rise to (Decision 2824/QĐ-UBND, Art. 6 and 16(6)). Each is
// written whole from the document it follows, so replaying an event writes the same duty.

const SNV = 'SNV';
/** The People's Committee decides appraised proposals; its duty is recorded only where it is a registered agency. */
export const UBND = 'UBND';
const ART_6_1 = 'QĐ 2824/QĐ-UBND, Điều 6 khoản 1';
const ART_6_2 = 'QĐ 2824/QĐ-UBND, Điều 6 khoản 2';
const ART_16_6 = 'QĐ 2824/QĐ-UBND, Điều 16 khoản 6';

const subject = (p: ProposalDocument) => ({ type: 'PROPOSAL', code: p.code });

/** SNV leads the appraisal of every proposal submitted, done once appraised. */
export function appraisalDuty(p: ProposalDocument): Duty {
  return {
    id: `proposal:${p.code}:appraisal`,
    agencyCode: SNV,
    role: 'LEAD',
    taskKind: 'PROPOSAL_APPRAISAL',
    title: `Thẩm định đề án cải cách hành chính “${p.title}”`,
    subject: subject(p),
    legalBasis: ART_6_1,
    since: p.submittedAt,
    dueAt: null,
    doneAt: p.appraisal?.appraisedAt ?? null,
    cancelledAt: null,
  };
}

/** Each asked agency's opinion: done when given; no longer asked once SNV appraised without it. */
export function opinionDuties(p: ProposalDocument): Duty[] {
  return p.opinions.map((o) => ({
    id: `proposal:${p.code}:opinion:${o.agencyCode}`,
    agencyCode: o.agencyCode,
    role: 'COMMENT',
    taskKind: 'PROPOSAL_OPINION',
    title: `Góp ý đề án cải cách hành chính “${p.title}”`,
    subject: subject(p),
    legalBasis: ART_6_2,
    since: o.askedAt,
    dueAt: o.dueAt,
    doneAt: o.givenAt,
    cancelledAt: o.givenAt === null ? (p.appraisal?.appraisedAt ?? null) : null,
  }));
}

/** The People's Committee decides once SNV has appraised. */
export function decisionDuty(p: ProposalDocument): Duty | null {
  if (!p.appraisal) return null;
  return {
    id: `proposal:${p.code}:decision`,
    agencyCode: UBND,
    role: 'DECIDE',
    taskKind: 'PROPOSAL_DECISION',
    title: `Phê duyệt đề án cải cách hành chính “${p.title}”`,
    subject: subject(p),
    legalBasis: ART_6_1,
    since: p.appraisal.appraisedAt,
    dueAt: null,
    doneAt: p.decision?.decidedAt ?? null,
    cancelledAt: null,
  };
}

/** The agency held accountable owes a remedial plan by its deadline. */
export function remedialPlanDuty(c: { year: number; agencyCode: string; proposedAt: string; remedialPlanDueAt: string; submittedAt: string | null }): Duty {
  return {
    id: `commendation:${c.year}:${c.agencyCode}:remedial-plan`,
    agencyCode: c.agencyCode,
    role: 'LEAD',
    taskKind: 'REMEDIAL_PLAN',
    title: `Xây dựng kế hoạch khắc phục hạn chế trong cải cách hành chính năm ${c.year}`,
    subject: { type: 'ACCOUNTABILITY', code: `${c.year}:${c.agencyCode}` },
    legalBasis: ART_16_6,
    since: c.proposedAt,
    dueAt: c.remedialPlanDueAt,
    doneAt: c.submittedAt,
    cancelledAt: null,
  };
}
