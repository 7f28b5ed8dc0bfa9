import { eventRecorder } from './recordedEvents';
import type { Duty } from '../../src/domain/duty/duty';
import { dutyStatusAt } from '../../src/domain/duty/duty';
import type { RecordedParEvent } from '../../src/events/parEvents';
import { foldProjection } from '../../src/projections/asOf';
import type { CommendationDocument, ProposalDocument } from '../../src/projections/proposals/proposalDocuments';
import { proposalsProjection } from '../../src/projections/proposals/proposalsProjection';
import { proposalView } from '../../src/projections/proposals/proposalViews';

const recorded = eventRecorder({ start: '2027-01-01T00:00:00.000Z', stepMs: 86_400_000, streamId: () => 'proposal-DA-1' });

const DUE = '2027-01-04T00:00:00.000Z';
const submitted = () =>
  recorded('ReformProposalSubmitted', { code: 'DA-1', title: 'Đề án một cửa điện tử', agencyCode: 'SXD', summary: 'Tóm tắt', attachments: [] });
const requested = () => recorded('ProposalOpinionsRequested', { code: 'DA-1', agencyCodes: ['STP', 'STC'], dueAt: DUE });
const given = () => recorded('ProposalOpinionGiven', { code: 'DA-1', agencyCode: 'STP', opinion: 'AGREE', text: 'Nhất trí' });
const appraised = () => recorded('ProposalAppraised', { code: 'DA-1', agencyCode: 'SXD', recommendation: 'APPROVE', text: 'Đạt' });
const decided = () =>
  recorded('ProposalDecided', { code: 'DA-1', agencyCode: 'SXD', decision: 'APPROVED', decisionNumber: '9/QĐ-UBND', decisionDate: '2027-02-01' });
const ubnd = () => recorded('AgencyRegistered', { code: 'UBND', name: 'UBND tỉnh', group: 'DEPARTMENT', jurisdiction: 'QNA', activeFrom: null });

function docsOf(events: RecordedParEvent[]) {
  const docs = foldProjection(proposalsProjection, events);
  const duties = [...docs].filter(([k]) => k.startsWith('duties/')).map(([, d]) => d as Duty);
  return { proposal: docs.get('proposals/DA-1') as ProposalDocument, duty: (id: string) => duties.find((d) => d.id === id), duties, docs };
}

describe('proposals projection', () => {
  beforeEach(() => recorded.reset());

  it('follows a proposal to its decision, with the opinions asked, given and missing', () => {
    const { proposal } = docsOf([submitted(), requested(), given(), appraised(), decided()]);
    expect(proposal.status).toBe('DECIDED');
    expect(proposal.year).toBe(2027);
    expect(proposal.decision).toMatchObject({ decision: 'APPROVED', decisionNumber: '9/QĐ-UBND', decisionDate: '2027-02-01' });
    const view = proposalView(proposal, new Date('2027-03-01T00:00:00Z'));
    expect(view.opinions.given.map((o) => o.agencyCode)).toEqual(['STP']);
    expect(view.opinions.missing.map((o) => [o.agencyCode, o.late])).toEqual([['STC', true]]);
  });

  it('writes SNV’s appraisal duty and each asked agency’s opinion duty; an opinion missing at the appraisal is cancelled', () => {
    const { duty } = docsOf([submitted(), requested(), given(), appraised()]);
    expect(duty('proposal:DA-1:appraisal')).toMatchObject({ agencyCode: 'SNV', role: 'LEAD', taskKind: 'PROPOSAL_APPRAISAL', doneAt: expect.any(String) });
    const stp = duty('proposal:DA-1:opinion:STP')!;
    const stc = duty('proposal:DA-1:opinion:STC')!;
    expect(stp).toMatchObject({ role: 'COMMENT', taskKind: 'PROPOSAL_OPINION', dueAt: DUE, cancelledAt: null });
    expect(stc.doneAt).toBeNull();
    expect(stc.cancelledAt).toBe(duty('proposal:DA-1:appraisal')!.doneAt);
    expect(dutyStatusAt(stc, new Date('2027-01-04T12:00:00Z'))).toBe('OVERDUE');
    expect(dutyStatusAt(stc, new Date('2027-02-01T00:00:00Z'))).toBe('CANCELLED');
  });

  it('gives the People’s Committee its decision duty only when UBND is a registered agency', () => {
    expect(docsOf([submitted(), appraised()]).duty('proposal:DA-1:decision')).toBeUndefined();
    recorded.reset();
    const withUbnd = docsOf([ubnd(), submitted(), appraised(), decided()]);
    expect(withUbnd.duty('proposal:DA-1:decision')).toMatchObject({
      agencyCode: 'UBND',
      role: 'DECIDE',
      taskKind: 'PROPOSAL_DECISION',
      doneAt: expect.any(String),
    });
  });

  it('keeps accountability with its remedial plan duty, done when the plan is sent', () => {
    const ranked = { year: 2026, group: 'DISTRICT' as const, rank: 9, band: 'Trung bình', reason: 'Xếp cuối', basis: 'QĐ 1' };
    const proposed = recorded('AccountabilityProposed', { ...ranked, agencyCode: 'NUITHANH', remedialPlanDueAt: '2027-02-01T00:00:00.000Z' });
    const commended = recorded('CommendationProposed', { ...ranked, agencyCode: 'HOIAN', rank: 1, band: 'Tốt' });
    const before = docsOf([proposed, commended]);
    expect(before.duties.map((d) => [d.id, d.agencyCode, d.doneAt])).toEqual([['commendation:2026:NUITHANH:remedial-plan', 'NUITHANH', null]]);
    const plan = recorded('RemedialPlanSubmitted', {
      year: 2026,
      agencyCode: 'NUITHANH',
      weakCriteria: ['2'],
      actions: [{ text: 'Tập huấn', dueAt: null }],
      dueAt: '2027-12-01T00:00:00.000Z',
    });
    const after = docsOf([proposed, commended, plan]);
    expect(after.duty('commendation:2026:NUITHANH:remedial-plan')!.doneAt).toBe(plan.metadata.recordedAt);
    expect((after.docs.get('commendations/2026:NUITHANH') as CommendationDocument).remedialPlan).toMatchObject({ weakCriteria: ['2'] });
    expect((after.docs.get('commendations/2026:HOIAN') as CommendationDocument).kind).toBe('COMMENDATION');
  });
});
