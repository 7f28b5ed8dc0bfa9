import { eventRecorder } from './recordedEvents';
import { dutiesAt } from '../../src/domain/duty/dutyViews';
import type { Duty } from '../../src/domain/duty/duty';
import { followUpDueAt } from '../../src/domain/inspection/inspectionDecider';
import { foldProjection } from '../../src/projections/asOf';
import type { InspectionDocument } from '../../src/projections/inspections/inspectionDocument';
import { inspectionsProjection } from '../../src/projections/inspections/inspectionsProjection';
import type { ReportingDocument } from '../../src/projections/reporting/reportingDocuments';
import { reportingProjection } from '../../src/projections/reporting/reportingProjection';

const recorded = eventRecorder({ start: '2030-01-01T00:00:00.000Z', stepMs: 0 });

const dutiesIn = (docs: Map<string, unknown>, collection: string) =>
  [...docs.entries()].filter(([k]) => k.startsWith(`${collection}/`)).map(([, v]) => v as Duty);

describe('reporting projection', () => {
  const DUE = '2030-04-10T10:00:00.000Z';
  const report = (agencyCode: string, at: string, revision = 1) =>
    recorded(
      'ProgressReportSubmitted',
      { reportingId: 'BC-2030-Q1', agencyCode, progress: [], difficulties: `v${revision}`, proposals: null, attachments: [], late: at > DUE, revision },
      at,
    );
  const events = [
    recorded(
      'ReportingScheduled',
      {
        reportingId: 'BC-2030-Q1',
        period: 'QUARTER',
        year: 2030,
        quarter: 1,
        code: null,
        title: 'Báo cáo CCHC quý 1 năm 2030',
        dueAt: DUE,
        agencyCodes: ['SKHCN', 'STC', 'STP'],
      },
      '2030-03-01T00:00:00.000Z',
    ),
    report('STP', '2030-04-01T00:00:00.000Z'),
    report('STP', '2030-04-20T00:00:00.000Z', 2),
    report('STC', '2030-04-15T00:00:00.000Z'),
  ];

  it('keeps each agency’s latest report and when its first came; the duty is done with the first, late after the deadline', () => {
    const docs = foldProjection(reportingProjection, events);
    const doc = docs.get('reportings/BC-2030-Q1') as ReportingDocument;
    expect(doc.submissions.find((s) => s.agencyCode === 'STP')).toMatchObject({
      firstSubmittedAt: '2030-04-01T00:00:00.000Z',
      revisions: 2,
      late: false,
      difficulties: 'v2',
    });
    expect(doc.submissions.find((s) => s.agencyCode === 'STC')).toMatchObject({ late: true });
    const views = dutiesAt(dutiesIn(docs, 'reportingDuties'), new Date('2030-04-16T00:00:00Z'));
    const by = (agency: string) => views.find((d) => d.agencyCode === agency);
    expect(by('STP')).toMatchObject({ status: 'DONE', late: false, doneAt: '2030-04-01T00:00:00.000Z', role: 'REPORT', taskKind: 'PROGRESS_REPORT' });
    expect(by('STC')).toMatchObject({ status: 'DONE', late: true });
    expect(by('SKHCN')).toMatchObject({ status: 'OVERDUE' });
    expect(by('SNV')).toMatchObject({ status: 'OPEN', role: 'LEAD', taskKind: 'PROVINCIAL_REPORT' });
  });

  it('compiling closes SNV’s duty and no longer asks the missing report; an issue raised makes SNV a duty', () => {
    const docs = foldProjection(reportingProjection, [
      ...events,
      recorded(
        'ProvincialReportCompiled',
        { reportingId: 'BC-2030-Q1', summary: 's', onTime: ['STP'], late: ['STC'], missing: ['SKHCN'] },
        '2030-04-25T00:00:00.000Z',
      ),
      recorded('RegulationIssueReported', { issueId: 'KN-001', agencyCode: 'STP', text: 't', proposal: null }, '2030-04-26T00:00:00.000Z'),
    ]);
    expect((docs.get('reportings/BC-2030-Q1') as ReportingDocument).compiled).toMatchObject({ missing: ['SKHCN'], compiledAt: '2030-04-25T00:00:00.000Z' });
    const views = dutiesAt(dutiesIn(docs, 'reportingDuties'), new Date('2030-05-01T00:00:00Z'));
    expect(views.find((d) => d.agencyCode === 'SKHCN')?.status).toBe('CANCELLED');
    expect(views.find((d) => d.taskKind === 'PROVINCIAL_REPORT')?.status).toBe('DONE');
    expect(views.find((d) => d.taskKind === 'REGULATION_FEEDBACK')).toMatchObject({
      agencyCode: 'SNV',
      status: 'OPEN',
      legalBasis: 'QĐ 2824/QĐ-UBND, Điều 17 khoản 3',
    });
    expect(docs.get('regulationIssues/KN-001')).toMatchObject({ agencyCode: 'STP' });
  });
});

describe('inspections projection', () => {
  const planned = { code: 'KT-01', targetAgencyCode: 'SYT', leadAgencyCode: 'SNV', coordinators: ['STC', 'STP'], plannedMonth: 4, scope: 's' };
  const issued = recorded('InspectionPlanIssued', { year: 2030, issuingAgencyCode: 'SNV', inspections: [planned] }, '2030-02-01T00:00:00.000Z');
  const finding = { area: 'TTHC', text: 'x', severity: 'MAJOR' as const, criterionCode: '3.2' };
  const inspected = recorded(
    'InspectionRecorded',
    {
      code: 'KT-01',
      agencyCode: 'SYT',
      leadAgencyCode: 'SNV',
      coordinators: ['STC', 'STP'],
      conductedOn: '2030-05-05',
      findings: [finding],
      recommendations: null,
      followUpDueAt: followUpDueAt('2030-05-05'),
    },
    '2030-05-06T00:00:00.000Z',
  );

  it('the lead and coordinators owe the inspection by the end of the planned month; recording it (late here) opens the follow-up', () => {
    const before = dutiesAt(dutiesIn(foldProjection(inspectionsProjection, [issued]), 'inspectionDuties'), new Date('2030-04-28T00:00:00Z'));
    expect(before.map((d) => [d.agencyCode, d.role, d.status, d.dueAt])).toEqual([
      ['SNV', 'INSPECT', 'DUE', '2030-04-30T16:59:59.999Z'],
      ['STC', 'COORDINATE', 'DUE', '2030-04-30T16:59:59.999Z'],
      ['STP', 'COORDINATE', 'DUE', '2030-04-30T16:59:59.999Z'],
    ]);
    const docs = foldProjection(inspectionsProjection, [issued, inspected]);
    const after = dutiesAt(dutiesIn(docs, 'inspectionDuties'), new Date('2030-05-07T00:00:00Z'));
    expect(after.find((d) => d.role === 'INSPECT')).toMatchObject({ status: 'DONE', late: true });
    expect(after.find((d) => d.role === 'FOLLOW_UP')).toMatchObject({ agencyCode: 'SYT', status: 'OPEN', dueAt: '2030-06-04T16:59:59.999Z' });
    expect((docs.get('inspections/KT-01') as InspectionDocument).recorded?.findings).toEqual([finding]);
  });

  it('a follow-up not yet done keeps the duty open; done closes it', () => {
    const partly = recorded(
      'InspectionFollowUpReported',
      { code: 'KT-01', agencyCode: 'SYT', text: 'đang khắc phục', done: false },
      '2030-05-20T00:00:00.000Z',
    );
    const fully = recorded('InspectionFollowUpReported', { code: 'KT-01', agencyCode: 'SYT', text: 'xong', done: true }, '2030-05-30T00:00:00.000Z');
    const docs = foldProjection(inspectionsProjection, [issued, inspected, partly, fully]);
    const at = (day: string) => dutiesAt(dutiesIn(docs, 'inspectionDuties'), new Date(day)).find((d) => d.role === 'FOLLOW_UP')?.status;
    expect(at('2030-05-25T00:00:00Z')).toBe('OPEN');
    expect(at('2030-05-31T00:00:00Z')).toBe('DONE');
    expect((docs.get('inspections/KT-01') as InspectionDocument).followUps.map((f) => f.done)).toEqual([false, true]);
  });
});
