import { authorize } from '../../src/auth/authorization';
import { planDecider } from '../../src/domain/plan/planDecider';
import type { KnownAgency, PlanCommand } from '../../src/domain/plan/planCommands';
import { event, type PlanEvent } from '../../src/events/parEvents';
import type { Actor } from '../../src/events/envelope';
import { domainErrorOf, specFor } from './givenWhenThen';

const spec = specFor(planDecider);

const NOW = new Date('2026-12-01T08:00:00Z');
const DUE = '2027-01-15T10:00:00.000Z';
const TASK_DUE = '2027-06-30T10:00:00.000Z';
const AGENCIES: Record<string, KnownAgency> = {
  SNV: { activeUntil: null },
  STC: { activeUntil: null },
  STP: { activeUntil: null },
  SKHCN: { activeUntil: null },
  VPUBND: { activeUntil: null },
  SXD: { activeUntil: null },
  STTTT: { activeUntil: '2025-02-28' },
};
const loaded = { now: NOW, agencies: AGENCIES };

const task = { code: 'NV-01', title: 'Rà soát thủ tục hành chính', lead: 'VPUBND', coordinators: ['STP'], dueAt: TASK_DUE };
const draft = (c: Partial<Extract<PlanCommand, { type: 'DraftPlan' }>> = {}): PlanCommand => ({
  type: 'DraftPlan',
  code: 'KH-CCHC-2027',
  kind: 'YEARLY',
  year: 2027,
  title: 'Kế hoạch cải cách hành chính năm 2027',
  tasks: [task],
  ...loaded,
  ...c,
});
const request = (agencyCodes: string[], dueAt = DUE): PlanCommand => ({ type: 'RequestPlanComments', planCode: 'KH-CCHC-2027', agencyCodes, dueAt, ...loaded });
const comment = (agencyCode: string, text = 'Đề nghị bổ sung nhiệm vụ số hóa hồ sơ'): PlanCommand => ({
  type: 'SubmitPlanComment',
  planCode: 'KH-CCHC-2027',
  agencyCode,
  text,
});
const adopt: PlanCommand = { type: 'AdoptPlan', planCode: 'KH-CCHC-2027', decisionNumber: '125/QĐ-UBND', decisionDate: '2027-01-20' };
const basis = { number: '76/NQ-CP', date: '2027-03-01' };
const notify = (agencyCode: string | null = 'STP'): PlanCommand => ({
  type: 'NotifyHigherLevelChange',
  planCode: 'KH-CCHC-2027',
  agencyCode,
  text: 'Chính phủ ban hành chương trình tổng thể mới',
  legalBasis: basis,
});
const amend = (tasks = [{ ...task, lead: 'SKHCN', coordinators: ['STP', 'VPUBND'] }]): PlanCommand => ({
  type: 'AmendPlan',
  planCode: 'KH-CCHC-2027',
  reason: 'Theo Nghị quyết 76/NQ-CP',
  decisionNumber: '300/QĐ-UBND',
  decisionDate: '2027-04-01',
  tasks,
  ...loaded,
});

const drafted = event('PlanDrafted', { code: 'KH-CCHC-2027', kind: 'YEARLY', year: 2027, title: 'Kế hoạch cải cách hành chính năm 2027', tasks: [task] });
const requested = event('PlanCommentsRequested', { planCode: 'KH-CCHC-2027', agencyCodes: ['STC', 'STP'], dueAt: DUE });
const adopted = event('PlanAdopted', { planCode: 'KH-CCHC-2027', decisionNumber: '125/QĐ-UBND', decisionDate: '2027-01-20' });
const given = (...events: PlanEvent[]) => spec.given(events);

describe('planDecider: draftPlan', () => {
  it('drafts a plan with its tasks, deadlines normalised', () => {
    given().when(draft()).then([drafted]);
  });

  it('refuses drafting the same code twice (CONFLICT on code)', () => {
    given(drafted).when(draft()).thenError('CONFLICT', 'code');
  });

  it('names the unknown lead (NOT_FOUND on tasks[i].lead) and coordinator', () => {
    given()
      .when(draft({ tasks: [task, { ...task, code: 'NV-02', lead: 'KHONGCO' }] }))
      .thenError('NOT_FOUND', 'tasks[1].lead');
    given()
      .when(draft({ tasks: [{ ...task, coordinators: ['STP', 'KHONGCO'] }] }))
      .thenError('NOT_FOUND', 'tasks[0].coordinators[1]');
  });

  it('refuses an agency merged away, a lead that also coordinates, a task code twice, no tasks, a bad code or year', () => {
    given()
      .when(draft({ tasks: [{ ...task, lead: 'STTTT' }] }))
      .thenError('BAD_USER_INPUT', 'tasks[0].lead');
    given()
      .when(draft({ tasks: [{ ...task, coordinators: ['VPUBND'] }] }))
      .thenError('BAD_USER_INPUT', 'tasks[0].coordinators[0]');
    given()
      .when(draft({ tasks: [task, task] }))
      .thenError('BAD_USER_INPUT', 'tasks[1].code');
    given()
      .when(draft({ tasks: [] }))
      .thenError('BAD_USER_INPUT', 'tasks');
    given()
      .when(draft({ code: 'kh 2027' }))
      .thenError('BAD_USER_INPUT', 'code');
    given()
      .when(draft({ year: 1990 }))
      .thenError('BAD_USER_INPUT', 'year');
    given()
      .when(draft({ title: '  ' }))
      .thenError('BAD_USER_INPUT', 'title');
  });

  it('refuses a task deadline already past (BAD_USER_INPUT on tasks[i].dueAt)', () => {
    given()
      .when(draft({ tasks: [{ ...task, dueAt: '2026-11-30T00:00:00Z' }] }))
      .thenError('BAD_USER_INPUT', 'tasks[0].dueAt');
  });
});

describe('planDecider: requestPlanComments', () => {
  it('asks agencies by a deadline', () => {
    given(drafted)
      .when(request(['STC', 'STP']))
      .then([requested]);
  });

  it('refuses a deadline already past, an unknown or repeated agency, an agency already asked, no agency', () => {
    given(drafted)
      .when(request(['STC'], '2026-11-01T00:00:00Z'))
      .thenError('BAD_USER_INPUT', 'dueAt');
    given(drafted)
      .when(request(['STC', 'KHONGCO']))
      .thenError('NOT_FOUND', 'agencyCodes[1]');
    given(drafted)
      .when(request(['STC', 'STC']))
      .thenError('BAD_USER_INPUT', 'agencyCodes[1]');
    given(drafted, requested)
      .when(request(['SXD', 'STP']))
      .thenError('CONFLICT', 'agencyCodes[1]');
    given(drafted).when(request([])).thenError('BAD_USER_INPUT', 'agencyCodes');
  });

  it('refuses a plan never drafted (NOT_FOUND) and one already adopted (INVALID_STATE)', () => {
    given()
      .when(request(['STC']))
      .thenError('NOT_FOUND', 'planCode');
    given(drafted, adopted)
      .when(request(['STC']))
      .thenError('INVALID_STATE');
  });
});

describe('planDecider: submitPlanComment', () => {
  it('takes the comment of an agency asked', () => {
    given(drafted, requested)
      .when(comment('STP'))
      .then([event('PlanCommentSubmitted', { planCode: 'KH-CCHC-2027', agencyCode: 'STP', text: 'Đề nghị bổ sung nhiệm vụ số hóa hồ sơ' })]);
  });

  it('refuses an agency not asked (FORBIDDEN), a comment after adoption (INVALID_STATE), an empty text', () => {
    given(drafted, requested).when(comment('SXD')).thenError('FORBIDDEN');
    given(drafted, requested, adopted).when(comment('STP')).thenError('INVALID_STATE');
    given(drafted, requested).when(comment('STP', ' ')).thenError('BAD_USER_INPUT', 'text');
  });

  it('refuses an officer commenting for another agency (FORBIDDEN, before the decider)', () => {
    const officer: Actor = { sub: 'officer.stp', name: 'Cán bộ STP', agency: 'STP', roles: ['AGENCY_OFFICER'] };
    expect(domainErrorOf(() => authorize(officer, 'SubmitPlanComment', { agencyCode: 'STC' })).code).toBe('FORBIDDEN');
    expect(authorize(officer, 'SubmitPlanComment', { agencyCode: 'STP' })).toBe(officer);
  });
});

describe('planDecider: notifyHigherLevelChange', () => {
  it('records the notifying department, the text and the higher-level instrument, on a draft or an adopted plan', () => {
    const notified = event('HigherLevelChangeNotified', {
      planCode: 'KH-CCHC-2027',
      agencyCode: 'STP',
      text: 'Chính phủ ban hành chương trình tổng thể mới',
      legalBasis: { number: '76/NQ-CP', date: '2027-03-01', title: null, url: null },
    });
    given(drafted).when(notify()).then([notified]);
    given(drafted, adopted).when(notify()).then([notified]);
  });

  it('refuses a plan never drafted, a token with no agency, a missing legal basis date', () => {
    given().when(notify()).thenError('NOT_FOUND', 'planCode');
    given(drafted).when(notify(null)).thenError('FORBIDDEN');
    given(drafted)
      .when({ ...notify(), legalBasis: { number: '76/NQ-CP', date: 'hôm qua' } } as PlanCommand)
      .thenError('BAD_USER_INPUT', 'legalBasis.date');
  });
});

describe('planDecider: adoptPlan', () => {
  it('adopts a draft by a decision', () => {
    given(drafted, requested).when(adopt).then([adopted]);
  });

  it('refuses adopting twice (INVALID_STATE), a plan never drafted, a bad decision date', () => {
    given(drafted, adopted).when(adopt).thenError('INVALID_STATE');
    given().when(adopt).thenError('NOT_FOUND', 'planCode');
    given(drafted)
      .when({ ...adopt, decisionDate: '2027-02-30' } as PlanCommand)
      .thenError('BAD_USER_INPUT', 'decisionDate');
  });
});

describe('planDecider: amendPlan', () => {
  it('records changed and added tasks with the reason and decision', () => {
    const added = { code: 'NV-02', title: 'Triển khai chương trình mới', lead: 'SNV', coordinators: [], dueAt: TASK_DUE };
    given(drafted, adopted)
      .when(amend([{ ...task, lead: 'SKHCN', coordinators: ['STP', 'VPUBND'] }, added]))
      .then([
        event('PlanAmended', {
          planCode: 'KH-CCHC-2027',
          reason: 'Theo Nghị quyết 76/NQ-CP',
          decisionNumber: '300/QĐ-UBND',
          decisionDate: '2027-04-01',
          tasks: [{ ...task, lead: 'SKHCN', coordinators: ['STP', 'VPUBND'] }, added],
        }),
      ]);
  });

  it('refuses amending a draft (INVALID_STATE), an unknown lead, a past deadline, no reason', () => {
    given(drafted).when(amend()).thenError('INVALID_STATE');
    given(drafted, adopted)
      .when(amend([{ ...task, lead: 'KHONGCO' }]))
      .thenError('NOT_FOUND', 'tasks[0].lead');
    given(drafted, adopted)
      .when(amend([{ ...task, dueAt: '2020-01-01T00:00:00Z' }]))
      .thenError('BAD_USER_INPUT', 'tasks[0].dueAt');
    given(drafted, adopted)
      .when({ ...amend(), reason: '' } as PlanCommand)
      .thenError('BAD_USER_INPUT', 'reason');
  });
});
