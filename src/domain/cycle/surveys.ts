import { event, type AgencyGroup, type CycleEvent } from '../../events/parEvents';
import type { AssessmentState } from '../assessment/assessment';
import { DomainError, badInput, invalidState } from '../errors';
import { requireCode, requireText } from '../validation';
import { isSurveyWaived, type CycleState, type OpenedCycle } from './cycle';

/**
 * Some provinces make the sociological survey optional (Hà Nội's commune-level framework: without a survey the
 * appraised points alone, brought to a scale of 100, are the index). The coordinator waives it for a group and a
 * year: from then on the group's survey leaves are not applicable for every agency of the group (scoring.ts).
 */
export type WaiveSurvey = {
  type: 'WaiveSurvey';
  year: number;
  group: AgencyGroup;
  reason: string;
  /** Loaded by the handler: the assessment of every participant of the group. */
  assessments: { agencyCode: string; state: AssessmentState }[];
};

/** The description of a survey whose scores can then cite it (recordSurveyScores' `surveyCode`). */
export type RecordSurvey = {
  type: 'RecordSurvey';
  year: number;
  group: AgencyGroup;
  code: string;
  title: string;
  conductedBy: string;
  respondents: number;
  reportReference: string;
  conductedAt: Date;
};

/** Bounds of the texts, as the GraphQL inputs declare them (inputBounds.ts). */
const TITLE_CHARS = 300;
const REFERENCE_CHARS = 1000;
const REASON_CHARS = 2000;

function requireGroup(state: CycleState, year: number, group: AgencyGroup): OpenedCycle {
  if (!state.opened) throw new DomainError('NOT_FOUND', `there is no ${year} cycle: a coordinator opens it first`, 'year');
  if (!state.frameworks.some((f) => f.group === group)) throw badInput('group', `the ${year} cycle has no framework for group ${group}`);
  return state;
}

/**
 * Only while the group's scores can still change: not once its ranking is published, and not once any of its
 * assessments is finalised (its total was fixed with the survey counted; the coordinator would reopen it first).
 */
export function decideWaiveSurvey(command: WaiveSurvey, state: CycleState): CycleEvent[] {
  const cycle = requireGroup(state, command.year, command.group);
  const reason = requireText('reason', command.reason, REASON_CHARS);
  const { group } = command;
  const waiver = (cycle.surveyWaivers ?? []).find((w) => w.group === group);
  if (waiver) throw invalidState(`the ${cycle.year} survey of group ${group} is already waived (${waiver.waivedAt}: ${waiver.reason})`);
  if (cycle.published[group] !== undefined) {
    throw invalidState(`the ${cycle.year} ${group} ranking is already published; its survey can no longer be waived`);
  }
  const finalized = command.assessments
    .filter((a) => a.state.status === 'FINALIZED')
    .map((a) => a.agencyCode)
    .sort();
  if (finalized.length > 0) {
    throw invalidState(`the ${cycle.year} survey of group ${group} cannot be waived: already finalised with the survey counted: ${finalized.join(', ')}`, {
      finalized,
    });
  }
  const agencyCodes = cycle.participants.filter((p) => p.group === group).map((p) => p.code);
  return [event('SurveyWaived', { year: cycle.year, group, reason, agencyCodes })];
}

/** A survey of the year for one group, under a code unique in the year. */
export function decideRecordSurvey(command: RecordSurvey, state: CycleState): CycleEvent[] {
  const cycle = requireGroup(state, command.year, command.group);
  const code = requireCode('code', command.code);
  const earlier = (cycle.surveys ?? []).find((s) => s.code === code);
  if (earlier) throw new DomainError('CONFLICT', `survey ${code} is already recorded for ${cycle.year} (${earlier.title})`, 'code');
  if (isSurveyWaived(cycle, command.group)) {
    throw invalidState(`the ${cycle.year} survey of group ${command.group} is waived; there is no survey to describe`, { field: 'group' });
  }
  const title = requireText('title', command.title, TITLE_CHARS);
  const conductedBy = requireText('conductedBy', command.conductedBy, TITLE_CHARS);
  const reportReference = requireText('reportReference', command.reportReference, REFERENCE_CHARS);
  if (!Number.isInteger(command.respondents) || command.respondents < 1) {
    throw badInput('respondents', `must be a whole number of at least 1, got ${command.respondents}`);
  }
  if (!(command.conductedAt instanceof Date) || Number.isNaN(command.conductedAt.getTime())) {
    throw badInput('conductedAt', 'is not a valid date and time');
  }
  return [
    event('SurveyRecorded', {
      year: cycle.year,
      group: command.group,
      code,
      title,
      conductedBy,
      respondents: command.respondents,
      reportReference,
      conductedAt: command.conductedAt.toISOString(),
    }),
  ];
}
