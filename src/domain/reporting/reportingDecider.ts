import { event, type ReportingEvent } from '../../events/parEvents';
import type { Decider } from '../decider';
import { TASK_PROGRESS_STATUSES } from '../enums';
import { badInput, DomainError, invalidState } from '../errors';
import { optionalText, requireCode, requireText } from '../validation';
import { requireFutureDeadline } from './deadline';
import { evolveReporting, initialReporting, submissionsOf, type ReportingState, type ScheduledRound } from './reporting';
import type { CompileProvincialReport, ReportingCommand, ScheduleReporting, SubmitProgressReport } from './reportingCommands';
import { roundOf } from './reportingRound';

const MAX_ATTACHMENTS = 20;

function schedule(command: ScheduleReporting, state: ReportingState): ReportingEvent[] {
  const { reportingId, quarter, code, title } = roundOf(command);
  if (state.round) throw invalidState(`${reportingId} is already scheduled (due ${state.round.dueAt})`, { reportingId });
  const dueAt = requireFutureDeadline('dueAt', command.dueAt, command.now);
  if (command.agencyCodes.length === 0) throw badInput('agencyCodes', 'name at least one agency that reports');
  const agencyCodes = [...new Set(command.agencyCodes.map((c) => requireCode('agencyCodes', c)))].sort();
  const named = command.title === undefined || command.title === null ? title : requireText('title', command.title, 300);
  return [event('ReportingScheduled', { reportingId, period: command.period, year: command.year, quarter, code, title: named, dueAt, agencyCodes })];
}

function requireOpenRound(state: ReportingState, reportingId: string): ScheduledRound {
  if (!state.round) throw new DomainError('NOT_FOUND', `reportingId: no reporting round ${reportingId} is scheduled`, 'reportingId');
  if (state.compiled) throw invalidState(`${reportingId} is compiled: the provincial report has gone to UBND`, { reportingId });
  return state.round;
}

function submit(command: SubmitProgressReport, state: ReportingState): ReportingEvent[] {
  const round = requireOpenRound(state, command.reportingId);
  if (!round.agencyCodes.includes(command.agencyCode)) {
    throw badInput('agencyCode', `${command.agencyCode} is not asked to report in ${round.reportingId} (${round.agencyCodes.join(', ')})`);
  }
  const progress = command.progress.map((p, i) => {
    const at = `progress[${i}]`;
    if (!TASK_PROGRESS_STATUSES.includes(p.status)) throw badInput(`${at}.status`, `${p.status} is not one of ${TASK_PROGRESS_STATUSES.join(', ')}`);
    if (!Number.isFinite(p.percent) || p.percent < 0 || p.percent > 100) throw badInput(`${at}.percent`, `${p.percent} is not between 0 and 100`);
    return { taskCode: requireCode(`${at}.taskCode`, p.taskCode), status: p.status, percent: p.percent, note: optionalText(`${at}.note`, p.note) };
  });
  const taskCodes = progress.map((p) => p.taskCode);
  const repeated = taskCodes.find((c, i) => taskCodes.indexOf(c) !== i);
  if (repeated) throw badInput('progress', `task ${repeated} is reported twice`);
  const difficulties = optionalText('difficulties', command.difficulties);
  const proposals = optionalText('proposals', command.proposals);
  if (progress.length === 0 && difficulties === null && proposals === null)
    throw badInput('progress', 'a report says how at least one task stands, or what hinders or is proposed');
  const attachments = (command.attachments ?? []).map((a, i) => requireText(`attachments[${i}]`, a, 1000));
  if (attachments.length > MAX_ATTACHMENTS) throw badInput('attachments', `at most ${MAX_ATTACHMENTS}`);
  const revision = (state.submissions[command.agencyCode]?.revisions ?? 0) + 1;
  const late = command.now.getTime() > Date.parse(round.dueAt);
  return [
    event('ProgressReportSubmitted', {
      reportingId: round.reportingId,
      agencyCode: command.agencyCode,
      progress,
      difficulties,
      proposals,
      attachments,
      late,
      revision,
    }),
  ];
}

function compile(command: CompileProvincialReport, state: ReportingState): ReportingEvent[] {
  const round = requireOpenRound(state, command.reportingId);
  const summary = requireText('summary', command.summary, 8000);
  const { onTime, late, missing } = submissionsOf(state);
  // Compiling before the deadline would call agencies that still have time "missing".
  if (missing.length > 0 && command.now.getTime() <= Date.parse(round.dueAt)) {
    throw invalidState(`${round.reportingId} is due ${round.dueAt} and ${missing.join(', ')} have not reported yet`, { missing });
  }
  return [event('ProvincialReportCompiled', { reportingId: round.reportingId, summary, onTime, late, missing })];
}

/** One reporting round (`reporting-<id>`): scheduled by SNV, reported on by each agency asked, compiled by SNV. */
export const reportingDecider: Decider<ReportingCommand, ReportingEvent, ReportingState> = {
  initialState: initialReporting,
  decide(command, state) {
    switch (command.type) {
      case 'ScheduleReporting':
        return schedule(command, state);
      case 'SubmitProgressReport':
        return submit(command, state);
      case 'CompileProvincialReport':
        return compile(command, state);
    }
  },
  evolve: (state, e) => evolveReporting(state, e),
};
