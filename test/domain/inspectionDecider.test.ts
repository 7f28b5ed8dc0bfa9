import type { InspectionCommand, PlannedInspectionInput } from '../../src/domain/inspection/inspectionCommands';
import { endOfMonth, followUpDueAt, inspectionDecider } from '../../src/domain/inspection/inspectionDecider';
import { event } from '../../src/events/parEvents';
import { ofType, specFor } from './givenWhenThen';

const spec = specFor(inspectionDecider);
const NOW = new Date('2030-02-01T03:00:00Z');
const SNV = { roles: ['COORDINATOR'], agency: 'SNV' };
const officer = (agency: string) => ({ roles: ['AGENCY_OFFICER'], agency });

const planned: PlannedInspectionInput = {
  code: 'KT-2030-01',
  targetAgencyCode: 'SYT',
  leadAgencyCode: 'SNV',
  coordinators: ['STP', 'STC'],
  plannedMonth: 4,
  scope: 'Kết quả CCHC năm 2029',
};
const issue = (c: Partial<Extract<InspectionCommand, { type: 'IssueInspectionPlan' }>> = {}): InspectionCommand => ({
  type: 'IssueInspectionPlan',
  year: 2030,
  inspections: [planned],
  by: SNV,
  now: NOW,
  ...c,
});
const record = (c: Partial<Extract<InspectionCommand, { type: 'RecordInspection' }>> = {}): InspectionCommand => ({
  type: 'RecordInspection',
  code: 'KT-2030-01',
  conductedOn: '2030-04-10',
  findings: [
    { area: 'Thủ tục hành chính', text: 'Chưa công khai đủ TTHC', severity: 'MAJOR', criterionCode: '3.2' },
    { area: 'Chỉ đạo điều hành', text: 'Kế hoạch ban hành chậm', severity: 'MINOR' },
  ],
  recommendations: 'Công khai đủ trong 30 ngày',
  by: SNV,
  now: new Date('2030-04-11T00:00:00Z'),
  ...c,
});
const followUp = (c: Partial<Extract<InspectionCommand, { type: 'ReportInspectionFollowUp' }>> = {}): InspectionCommand => ({
  type: 'ReportInspectionFollowUp',
  code: 'KT-2030-01',
  text: 'Đã công khai đủ TTHC',
  done: true,
  by: officer('SYT'),
  ...c,
});

const issued = event('InspectionPlanIssued', {
  year: 2030,
  issuingAgencyCode: 'SNV',
  inspections: [{ ...planned, coordinators: ['STC', 'STP'] }],
});
const recorded = event('InspectionRecorded', {
  code: 'KT-2030-01',
  agencyCode: 'SYT',
  leadAgencyCode: 'SNV',
  coordinators: ['STC', 'STP'],
  conductedOn: '2030-04-10',
  findings: [
    { area: 'Thủ tục hành chính', text: 'Chưa công khai đủ TTHC', severity: 'MAJOR', criterionCode: '3.2' },
    { area: 'Chỉ đạo điều hành', text: 'Kế hoạch ban hành chậm', severity: 'MINOR', criterionCode: null },
  ],
  recommendations: 'Công khai đủ trong 30 ngày',
  followUpDueAt: followUpDueAt('2030-04-10'),
});

describe('inspectionDecider: issueInspectionPlan', () => {
  it('SNV issues the province’s plan, coordinators sorted', () => {
    spec.given([]).when(issue()).then([issued]);
  });

  it('a department issues a plan of the inspections it leads; not those another agency leads', () => {
    const own = { ...planned, code: 'KT-STP-01', leadAgencyCode: 'STP', coordinators: [] };
    const [e] = spec
      .given([])
      .when(issue({ inspections: [own], by: officer('STP') }))
      .events();
    expect(ofType(e, 'InspectionPlanIssued').data.issuingAgencyCode).toBe('STP');
    spec
      .given([])
      .when(issue({ by: officer('STP') }))
      .thenError('FORBIDDEN');
  });

  it('refuses a month already past, a code planned before, and the lead among coordinators, naming the field', () => {
    spec
      .given([])
      .when(issue({ inspections: [{ ...planned, plannedMonth: 1 }] }))
      .thenError('BAD_USER_INPUT', 'inspections[0].plannedMonth');
    spec
      .given([])
      .when(issue({ inspections: [{ ...planned, plannedMonth: 13 }] }))
      .thenError('BAD_USER_INPUT', 'inspections[0].plannedMonth');
    spec.given([issued]).when(issue()).thenError('BAD_USER_INPUT', 'inspections[0].code');
    spec
      .given([])
      .when(issue({ inspections: [{ ...planned, coordinators: ['SNV'] }] }))
      .thenError('BAD_USER_INPUT', 'inspections[0].coordinators');
    spec
      .given([])
      .when(issue({ inspections: [] }))
      .thenError('BAD_USER_INPUT', 'inspections');
  });

  it('is due at the end of the planned month, Vietnam time', () => {
    expect(endOfMonth(2030, 4)).toBe('2030-04-30T16:59:59.999Z');
    expect(endOfMonth(2030, 2)).toBe('2030-02-28T16:59:59.999Z');
  });
});

describe('inspectionDecider: recordInspection', () => {
  it('records findings, one linked to a criterion, with the follow-up due 30 days later', () => {
    spec.given([issued]).when(record()).then([recorded]);
    expect(followUpDueAt('2030-04-10')).toBe('2030-05-10T16:59:59.999Z');
  });

  it('the lead’s officer records it too; another agency’s officer may not', () => {
    expect(
      spec
        .given([issued])
        .when(record({ by: officer('SNV') }))
        .events(),
    ).toHaveLength(1);
    spec
      .given([issued])
      .when(record({ by: officer('STP') }))
      .thenError('FORBIDDEN');
  });

  it('refuses an unplanned code, recording twice, a day in the future and a bad criterion code', () => {
    spec
      .given([issued])
      .when(record({ code: 'KT-2030-99' }))
      .thenError('NOT_FOUND', 'code');
    spec.given([issued, recorded]).when(record()).thenError('INVALID_STATE');
    spec
      .given([issued])
      .when(record({ conductedOn: '2030-04-12' }))
      .thenError('BAD_USER_INPUT', 'conductedOn');
    spec
      .given([issued])
      .when(record({ findings: [{ area: 'a', text: 't', severity: 'MINOR', criterionCode: '3..2' }] }))
      .thenError('BAD_USER_INPUT', 'findings[0].criterionCode');
  });
});

describe('inspectionDecider: reportInspectionFollowUp', () => {
  it('the inspected agency reports what it did', () => {
    spec
      .given([issued, recorded])
      .when(followUp())
      .then([event('InspectionFollowUpReported', { code: 'KT-2030-01', agencyCode: 'SYT', text: 'Đã công khai đủ TTHC', done: true })]);
  });

  it('refuses the wrong agency, before the inspection is recorded, and after it is reported done', () => {
    spec
      .given([issued, recorded])
      .when(followUp({ by: officer('STP') }))
      .thenError('FORBIDDEN');
    spec.given([issued]).when(followUp()).thenError('INVALID_STATE');
    const done = event('InspectionFollowUpReported', { code: 'KT-2030-01', agencyCode: 'SYT', text: 'x', done: true });
    spec.given([issued, recorded, done]).when(followUp()).thenError('INVALID_STATE');
    const partial = event('InspectionFollowUpReported', { code: 'KT-2030-01', agencyCode: 'SYT', text: 'x', done: false });
    expect(spec.given([issued, recorded, partial]).when(followUp()).events()).toHaveLength(1);
  });
});
