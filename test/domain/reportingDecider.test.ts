import { reportingDecider } from '../../src/domain/reporting/reportingDecider';
import type { ReportingCommand } from '../../src/domain/reporting/reportingCommands';
import { regulationIssuesDecider } from '../../src/domain/reporting/regulationIssues';
import { roundOf } from '../../src/domain/reporting/reportingRound';
import { event } from '../../src/events/parEvents';
import { domainErrorOf, ofType, specFor } from './givenWhenThen';

const spec = specFor(reportingDecider);
const NOW = new Date('2030-03-01T00:00:00Z');
const DUE = '2030-03-20T10:00:00.000Z';
const AFTER_DUE = new Date('2030-03-25T00:00:00Z');

const schedule = (c: Partial<Extract<ReportingCommand, { type: 'ScheduleReporting' }>> = {}): ReportingCommand => ({
  type: 'ScheduleReporting',
  period: 'QUARTER',
  year: 2030,
  quarter: 1,
  dueAt: DUE,
  agencyCodes: ['STP', 'SKHCN', 'STC'],
  now: NOW,
  ...c,
});
const submit = (c: Partial<Extract<ReportingCommand, { type: 'SubmitProgressReport' }>> = {}): ReportingCommand => ({
  type: 'SubmitProgressReport',
  reportingId: 'BC-2030-Q1',
  agencyCode: 'STP',
  progress: [{ taskCode: 'KH-2030.1', status: 'IN_PROGRESS', percent: 40, note: ' rà soát VBQPPL ' }],
  difficulties: 'Thiếu nhân lực',
  proposals: null,
  attachments: ['https://stp.example/bc-q1.pdf'],
  now: NOW,
  ...c,
});
const compile = (now = AFTER_DUE): ReportingCommand => ({ type: 'CompileProvincialReport', reportingId: 'BC-2030-Q1', summary: 'Tổng hợp quý 1', now });

const scheduled = event('ReportingScheduled', {
  reportingId: 'BC-2030-Q1',
  period: 'QUARTER',
  year: 2030,
  quarter: 1,
  code: null,
  title: 'Báo cáo CCHC quý 1 năm 2030',
  dueAt: DUE,
  agencyCodes: ['SKHCN', 'STC', 'STP'],
});
const reported = (agencyCode: string, late = false, revision = 1) =>
  event('ProgressReportSubmitted', {
    reportingId: 'BC-2030-Q1',
    agencyCode,
    progress: [],
    difficulties: 'x',
    proposals: null,
    attachments: [],
    late,
    revision,
  });

describe('reporting rounds: naming', () => {
  it('names each period readably and uniquely', () => {
    expect(roundOf({ period: 'QUARTER', year: 2030, quarter: 3 }).reportingId).toBe('BC-2030-Q3');
    expect(roundOf({ period: 'HALF_YEAR', year: 2030 }).reportingId).toBe('BC-2030-6T');
    expect(roundOf({ period: 'YEAR', year: 2030 }).title).toBe('Báo cáo CCHC năm 2030');
    expect(roundOf({ period: 'AD_HOC', year: 2030, code: 'CDS' }).reportingId).toBe('BC-2030-CDS');
  });

  it('refuses a quarter outside 1–4, or one on another period, naming quarter; an ad-hoc round without code names code', () => {
    expect(domainErrorOf(() => roundOf({ period: 'QUARTER', year: 2030, quarter: 5 })).field).toBe('quarter');
    expect(domainErrorOf(() => roundOf({ period: 'QUARTER', year: 2030 })).field).toBe('quarter');
    expect(domainErrorOf(() => roundOf({ period: 'YEAR', year: 2030, quarter: 2 })).field).toBe('quarter');
    expect(domainErrorOf(() => roundOf({ period: 'AD_HOC', year: 2030 })).field).toBe('code');
    expect(domainErrorOf(() => roundOf({ period: 'QUARTER', year: 2030, quarter: 1, code: 'X' })).field).toBe('code');
  });
});

describe('reportingDecider: scheduleReporting', () => {
  it('schedules the round with its id, title and sorted agencies', () => {
    spec.given([]).when(schedule()).then([scheduled]);
  });

  it('refuses a deadline already past, a bad quarter, no agencies, and a second scheduling', () => {
    spec
      .given([])
      .when(schedule({ dueAt: '2030-02-28T00:00:00Z' }))
      .thenError('BAD_USER_INPUT', 'dueAt');
    spec
      .given([])
      .when(schedule({ quarter: 0 }))
      .thenError('BAD_USER_INPUT', 'quarter');
    spec
      .given([])
      .when(schedule({ agencyCodes: [] }))
      .thenError('BAD_USER_INPUT', 'agencyCodes');
    spec.given([scheduled]).when(schedule()).thenError('INVALID_STATE');
  });
});

describe('reportingDecider: submitProgressReport', () => {
  it('records a report before the deadline as on time, trimmed', () => {
    const [e] = spec.given([scheduled]).when(submit()).events();
    const data = ofType(e, 'ProgressReportSubmitted').data;
    expect(data).toMatchObject({ agencyCode: 'STP', late: false, revision: 1, proposals: null });
    expect(data.progress).toEqual([{ taskCode: 'KH-2030.1', status: 'IN_PROGRESS', percent: 40, note: 'rà soát VBQPPL' }]);
  });

  it('accepts a report after the deadline and records it late; a second one revises', () => {
    expect(
      ofType(
        spec
          .given([scheduled])
          .when(submit({ now: AFTER_DUE }))
          .events()[0],
        'ProgressReportSubmitted',
      ).data.late,
    ).toBe(true);
    const revised = ofType(
      spec
        .given([scheduled, reported('STP')])
        .when(submit({ now: AFTER_DUE }))
        .events()[0],
      'ProgressReportSubmitted',
    ).data;
    expect(revised.revision).toBe(2);
    // The state keeps the first report's timeliness: a revision after the deadline does not make it late.
    expect(spec.given([scheduled, reported('STP'), reported('STP', true, 2)]).state.submissions.STP).toEqual({ revisions: 2, late: false });
  });

  it('refuses an agency not scheduled, an unknown round, a compiled round and bad progress', () => {
    spec
      .given([scheduled])
      .when(submit({ agencyCode: 'SYT' }))
      .thenError('BAD_USER_INPUT', 'agencyCode');
    spec.given([]).when(submit()).thenError('NOT_FOUND', 'reportingId');
    spec
      .given([scheduled, event('ProvincialReportCompiled', { reportingId: 'BC-2030-Q1', summary: 's', onTime: [], late: [], missing: [] })])
      .when(submit())
      .thenError('INVALID_STATE');
    spec
      .given([scheduled])
      .when(submit({ progress: [{ taskCode: 'T1', status: 'COMPLETED', percent: 120 }] }))
      .thenError('BAD_USER_INPUT', 'progress[0].percent');
    const twice = [
      { taskCode: 'T1', status: 'COMPLETED' as const, percent: 100 },
      { taskCode: 'T1', status: 'IN_PROGRESS' as const, percent: 10 },
    ];
    spec
      .given([scheduled])
      .when(submit({ progress: twice }))
      .thenError('BAD_USER_INPUT', 'progress');
    spec
      .given([scheduled])
      .when(submit({ progress: [], difficulties: ' ', proposals: null }))
      .thenError('BAD_USER_INPUT', 'progress');
  });
});

describe('reportingDecider: compileProvincialReport', () => {
  it('lists who reported on time, late, and never', () => {
    spec
      .given([scheduled, reported('STP'), reported('STC', true)])
      .when(compile())
      .then([event('ProvincialReportCompiled', { reportingId: 'BC-2030-Q1', summary: 'Tổng hợp quý 1', onTime: ['STP'], late: ['STC'], missing: ['SKHCN'] })]);
  });

  it('refuses compiling twice, before the deadline while some have not reported, and an empty summary', () => {
    const compiled = event('ProvincialReportCompiled', { reportingId: 'BC-2030-Q1', summary: 's', onTime: [], late: [], missing: [] });
    spec.given([scheduled, compiled]).when(compile()).thenError('INVALID_STATE');
    spec
      .given([scheduled, reported('STP')])
      .when(compile(NOW))
      .thenError('INVALID_STATE');
    spec
      .given([scheduled])
      .when({ ...compile(), summary: ' ' } as ReportingCommand)
      .thenError('BAD_USER_INPUT', 'summary');
  });

  it('compiles before the deadline once everyone reported', () => {
    expect(
      spec
        .given([scheduled, reported('STP'), reported('STC'), reported('SKHCN')])
        .when(compile(NOW))
        .events(),
    ).toHaveLength(1);
  });
});

describe('regulationIssuesDecider', () => {
  const issues = specFor(regulationIssuesDecider);
  it('numbers each issue raised by the officer’s agency', () => {
    const first = event('RegulationIssueReported', { issueId: 'KN-001', agencyCode: 'STP', text: 'Điều 9 chồng chéo', proposal: null });
    issues
      .given([first])
      .when({ type: 'ReportRegulationIssue', agencyCode: 'STC', text: ' Thời hạn báo cáo quá ngắn ', proposal: 'Lùi hạn 5 ngày' })
      .then([event('RegulationIssueReported', { issueId: 'KN-002', agencyCode: 'STC', text: 'Thời hạn báo cáo quá ngắn', proposal: 'Lùi hạn 5 ngày' })]);
  });

  it('refuses a token without agency and an empty text', () => {
    issues.given([]).when({ type: 'ReportRegulationIssue', agencyCode: null, text: 'x' }).thenError('FORBIDDEN');
    issues.given([]).when({ type: 'ReportRegulationIssue', agencyCode: 'STP', text: '  ' }).thenError('BAD_USER_INPUT', 'text');
  });
});
