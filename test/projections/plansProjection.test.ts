import { eventRecorder } from './recordedEvents';
import type { Duty } from '../../src/domain/duty/duty';
import { dutyStatusAt } from '../../src/domain/duty/duty';
import type { RecordedParEvent } from '../../src/events/parEvents';
import { foldProjection } from '../../src/projections/asOf';
import { plansProjection, type PlanDocument } from '../../src/projections/plans/plansProjection';

const CODE = 'KH-CCHC-2027';
/** Recorded a day apart from 2026-12-01, so `at(n)` is the time of the n-th event. */
const at = (n: number) => new Date(Date.UTC(2026, 11, 1) + n * 86_400_000).toISOString();
const recorded = eventRecorder({ start: '2026-12-01T00:00:00.000Z', stepMs: 86_400_000, streamId: () => `plan-${CODE}` });

const TASK_DUE = '2027-06-30T10:00:00.000Z';
const COMMENTS_DUE = '2026-12-10T10:00:00.000Z';
const task = { code: 'NV-01', title: 'Rà soát thủ tục hành chính', lead: 'VPUBND', coordinators: ['STP', 'STC'], dueAt: TASK_DUE };

function docsOf(events: RecordedParEvent[]) {
  const docs = foldProjection(plansProjection, events);
  const duties = [...docs.entries()].filter(([k]) => k.startsWith('planDuties/')).map(([, d]) => d as Duty);
  return { plan: docs.get(`plans/${CODE}`) as PlanDocument, duty: (id: string) => duties.find((d) => d.id === id), duties };
}

describe('plans projection: a plan and the duties it makes', () => {
  beforeEach(() => recorded.reset());
  const drafted = () => recorded('PlanDrafted', { code: CODE, kind: 'YEARLY', year: 2027, title: 'Kế hoạch CCHC năm 2027', tasks: [task] });
  const requested = () => recorded('PlanCommentsRequested', { planCode: CODE, agencyCodes: ['STC', 'STP', 'SXD'], dueAt: COMMENTS_DUE });
  const commented = (agencyCode: string) => recorded('PlanCommentSubmitted', { planCode: CODE, agencyCode, text: `Góp ý của ${agencyCode}` });
  const notified = () =>
    recorded('HigherLevelChangeNotified', {
      planCode: CODE,
      agencyCode: 'STP',
      text: 'Nghị quyết mới',
      legalBasis: { number: '76/NQ-CP', date: '2027-03-01', title: null, url: null },
    });
  const adopted = () => recorded('PlanAdopted', { planCode: CODE, decisionNumber: '125/QĐ-UBND', decisionDate: '2027-01-20' });

  it('SNV leads the drafting until adoption; each asked agency owes a comment, done when it comments, cancelled at adoption', () => {
    const { plan, duty } = docsOf([drafted(), requested(), commented('STP'), adopted()]);
    expect(plan.status).toBe('ADOPTED');
    expect(duty(`plan:${CODE}:drafting`)).toMatchObject({ agencyCode: 'SNV', role: 'LEAD', taskKind: 'PLAN_DRAFTING', doneAt: at(4), dueAt: null });
    expect(duty(`plan:${CODE}:comment:STP`)).toMatchObject({
      role: 'COMMENT',
      taskKind: 'PLAN_COMMENT',
      dueAt: COMMENTS_DUE,
      doneAt: at(3),
      cancelledAt: null,
    });
    expect(duty(`plan:${CODE}:comment:SXD`)).toMatchObject({ doneAt: null, cancelledAt: at(4) });
    expect(plan.commentRequests.map((r) => [r.agencyCode, r.commentedAt])).toEqual([
      ['STC', null],
      ['STP', at(3)],
      ['SXD', null],
    ]);
  });

  it('a comment missing is due in the week before its deadline, overdue after it, cancelled once the plan is adopted', () => {
    const open = docsOf([drafted(), requested()]).duty(`plan:${CODE}:comment:STC`)!;
    expect(dutyStatusAt(open, new Date('2026-12-05T00:00:00Z'))).toBe('DUE');
    expect(dutyStatusAt(open, new Date('2026-12-20T00:00:00Z'))).toBe('OVERDUE');
    recorded.reset();
    const closed = docsOf([drafted(), requested(), adopted()]).duty(`plan:${CODE}:comment:STC`)!;
    expect(dutyStatusAt(closed, new Date('2026-12-20T00:00:00Z'))).toBe('CANCELLED');
  });

  it('adoption turns each task into its lead’s LEAD and its coordinators’ COORDINATE duties, due with the task and left open', () => {
    const { duties } = docsOf([drafted(), adopted()]);
    const tasks = duties.filter((d) => d.taskKind === 'PLAN_TASK');
    expect(tasks.map((d) => [d.agencyCode, d.role, d.dueAt, d.since, d.doneAt])).toEqual([
      ['VPUBND', 'LEAD', TASK_DUE, at(2), null],
      ['STP', 'COORDINATE', TASK_DUE, at(2), null],
      ['STC', 'COORDINATE', TASK_DUE, at(2), null],
    ]);
  });

  it('a higher-level change makes SNV consider an adjustment, done when the plan is amended; the amendment moves the task duties', () => {
    const amended = () =>
      recorded('PlanAmended', {
        planCode: CODE,
        reason: 'Theo Nghị quyết 76/NQ-CP',
        decisionNumber: '300/QĐ-UBND',
        decisionDate: '2027-04-01',
        tasks: [
          { ...task, lead: 'SKHCN', coordinators: ['STP'], dueAt: '2027-09-30T10:00:00.000Z' },
          { code: 'NV-02', title: 'Số hóa hồ sơ', lead: 'SNV', coordinators: [], dueAt: TASK_DUE },
        ],
      });
    const before = docsOf([drafted(), adopted(), notified()]);
    expect(before.duty(`plan:${CODE}:change:3`)).toMatchObject({ agencyCode: 'SNV', role: 'LEAD', taskKind: 'HIGHER_LEVEL_CHANGE', doneAt: null });
    recorded.reset();
    const { plan, duty } = docsOf([drafted(), adopted(), notified(), amended()]);
    expect(duty(`plan:${CODE}:change:3`)?.doneAt).toBe(at(4));
    expect(plan.notifications[0].consideredAt).toBe(at(4));
    const taskDuty = (role: string, agency: string) => duty(`plan:${CODE}:task:NV-01:${role}:${agency}`);
    expect(taskDuty('lead', 'VPUBND')?.cancelledAt).toBe(at(4));
    expect(taskDuty('lead', 'SKHCN')).toMatchObject({ since: at(4), dueAt: '2027-09-30T10:00:00.000Z', cancelledAt: null });
    expect(taskDuty('coordinate', 'STP')).toMatchObject({ since: at(2), dueAt: '2027-09-30T10:00:00.000Z', cancelledAt: null });
    expect(taskDuty('coordinate', 'STC')?.cancelledAt).toBe(at(4));
    expect(duty(`plan:${CODE}:task:NV-02:lead:SNV`)).toMatchObject({ since: at(4), cancelledAt: null });
    expect(plan.tasks.map((t) => [t.code, t.lead, t.amendedAt])).toEqual([
      ['NV-01', 'SKHCN', at(4)],
      ['NV-02', 'SNV', at(4)],
    ]);
    expect(plan.amendments).toEqual([
      { reason: 'Theo Nghị quyết 76/NQ-CP', decisionNumber: '300/QĐ-UBND', decisionDate: '2027-04-01', amendedAt: at(4), taskCodes: ['NV-01', 'NV-02'] },
    ]);
  });

  it('a change notified on the draft is taken in by the adoption', () => {
    const { duty } = docsOf([drafted(), notified(), adopted()]);
    expect(duty(`plan:${CODE}:change:2`)?.doneAt).toBe(at(3));
  });
});
