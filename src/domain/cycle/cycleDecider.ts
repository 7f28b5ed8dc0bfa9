import { event, type AgencyGroup, type CycleEvent, type GroupBands, type Participant, type RatingBand } from '../../events/parEvents';
import type { Decider } from '../decider';
import { DomainError, badInput, invalidState } from '../errors';
import type { Framework } from '../framework/framework';
import { toPoints } from '../points';
import { requireText, requireYear } from '../validation';
import type { SchedulePhase } from '../enums';
import { checkEnrolment, exclusionsOfEnded, type EnrolmentCheck } from './enrolment';
import { evolveCycle, participantOf, type CycleState } from './cycle';
import { decidePropose, decidePublish, type ProposeRanking, type PublishRanking } from './publication';
import { effectiveDeadline, hasPassed } from './schedule';
import { decideRecordSurvey, decideWaiveSurvey, type RecordSurvey, type WaiveSurvey } from './surveys';

export interface BandInput {
  label: string;
  minIndexPercent: number;
}

export type OpenAssessmentCycle = {
  type: 'OpenAssessmentCycle';
  year: number;
  /** Loaded by the handler from `frameworkCodes`, in input order. */
  frameworks: Framework[];
  /** The registered agencies to assess: those named in the input, or every agency of the covered groups. */
  participants: Participant[];
  selfAssessmentDeadline: Date;
  appraisalDeadline: Date;
  bands: BandInput[];
  /** Bands for single groups, replacing `bands` for them. */
  groupBands: { group: AgencyGroup; bands: BandInput[] }[];
  /** From the agencies' lineage (loaded by the handler): who ended during the year, and named units not active in it. */
  enrolment: Omit<EnrolmentCheck, 'year' | 'participants'>;
  /** Leave every unit that ended during the year out of the ranking at once, with its reason. */
  excludeEndedMidYear: boolean;
};

export type AmendCycleSchedule = {
  type: 'AmendCycleSchedule';
  year: number;
  selfAssessmentDeadline: Date;
  appraisalDeadline: Date;
  reason: string;
};

export type GrantExtension = {
  type: 'GrantExtension';
  year: number;
  agencyCode: string;
  phase: SchedulePhase;
  until: Date;
  reason: string;
  now: Date;
  /** Loaded by the handler: whether the agency's assessment is finalized (nothing left to extend). */
  assessmentFinalized: boolean;
};

export type ExcludeFromRanking = {
  type: 'ExcludeFromRanking';
  year: number;
  agencyCode: string;
  reason: string;
};

type CycleCommand =
  OpenAssessmentCycle | ProposeRanking | PublishRanking | AmendCycleSchedule | GrantExtension | ExcludeFromRanking | WaiveSurvey | RecordSurvey;

function requireOpened(state: CycleState, year: number) {
  if (!state.opened) throw new DomainError('NOT_FOUND', `there is no ${year} cycle: a coordinator opens it first`, 'year');
  return state;
}

function requireDate(field: string, date: Date): string {
  if (Number.isNaN(date.getTime())) throw badInput(field, 'is not a valid date and time');
  return date.toISOString();
}

/** Moves the year's deadlines for everyone; extensions granted to single agencies stay (schedule.ts). */
function decideAmendSchedule(command: AmendCycleSchedule, state: CycleState): CycleEvent[] {
  const cycle = requireOpened(state, command.year);
  const reason = requireText('reason', command.reason, 2000);
  const selfAssessmentDeadline = requireDate('selfAssessmentDeadline', command.selfAssessmentDeadline);
  const appraisalDeadline = requireDate('appraisalDeadline', command.appraisalDeadline);
  if (command.appraisalDeadline < command.selfAssessmentDeadline) {
    throw badInput('appraisalDeadline', 'must not come before selfAssessmentDeadline: appraisal follows self-assessment');
  }
  if (cycle.frameworks.every((f) => cycle.published[f.group] !== undefined)) {
    throw invalidState(`every ranking of ${cycle.year} is published; its schedule no longer changes`);
  }
  if (selfAssessmentDeadline === cycle.selfAssessmentDeadline && appraisalDeadline === cycle.appraisalDeadline) {
    throw badInput('selfAssessmentDeadline', 'the schedule already has these deadlines; nothing to amend');
  }
  return [
    event('CycleScheduleAmended', {
      year: cycle.year,
      selfAssessmentDeadline,
      appraisalDeadline,
      previousSelfAssessmentDeadline: cycle.selfAssessmentDeadline,
      previousAppraisalDeadline: cycle.appraisalDeadline,
      reason,
    }),
  ];
}

function checkBands(bands: BandInput[], field = 'bands'): RatingBand[] {
  const labels = new Set<string>();
  const thresholds = new Set<number>();
  return bands.map((band, i) => {
    const label = requireText(`${field}[${i}].label`, band.label, 100);
    const threshold = toPoints(band.minIndexPercent);
    if (threshold === null || band.minIndexPercent < 0 || band.minIndexPercent > 100) {
      throw badInput(`${field}[${i}].minIndexPercent`, `must be between 0 and 100 with at most 4 decimals, got ${band.minIndexPercent}`);
    }
    if (labels.has(label)) throw badInput(`${field}[${i}].label`, `band "${label}" is listed twice`);
    if (thresholds.has(threshold)) throw badInput(`${field}[${i}].minIndexPercent`, `two bands start at ${band.minIndexPercent}`);
    labels.add(label);
    thresholds.add(threshold);
    return { label, minIndexPercent: band.minIndexPercent };
  });
}

/** Each group's own bands: a group of the cycle, named once, with bands as valid as the default ones. */
function checkGroupBands(groupBands: OpenAssessmentCycle['groupBands'], groups: ReadonlySet<AgencyGroup>): GroupBands[] {
  const named = new Set<AgencyGroup>();
  return groupBands.map((g, i) => {
    if (!groups.has(g.group)) throw badInput(`groupBands[${i}].group`, `group ${g.group} has no framework in this cycle`);
    if (named.has(g.group)) throw badInput(`groupBands[${i}].group`, `group ${g.group} is listed twice`);
    named.add(g.group);
    return { group: g.group, bands: checkBands(g.bands, `groupBands[${i}].bands`) };
  });
}

function decideOpen(command: OpenAssessmentCycle, state: CycleState): CycleEvent[] {
  const year = requireYear('year', command.year);
  if (state.opened) throw new DomainError('CONFLICT', `the ${year} cycle is already open; there is one cycle per year`, 'year');
  if (command.frameworks.length === 0) throw badInput('frameworkCodes', 'name at least one framework (one per agency group)');
  const groups = new Set<AgencyGroup>();
  command.frameworks.forEach((f, i) => {
    if (groups.has(f.group)) throw badInput(`frameworkCodes[${i}]`, `a second framework for group ${f.group}; a cycle uses one framework per group`);
    groups.add(f.group);
  });
  for (const [field, date] of [
    ['selfAssessmentDeadline', command.selfAssessmentDeadline],
    ['appraisalDeadline', command.appraisalDeadline],
  ] as const) {
    if (Number.isNaN(date.getTime())) throw badInput(field, 'is not a valid date and time');
  }
  if (command.appraisalDeadline <= command.selfAssessmentDeadline) {
    throw badInput('appraisalDeadline', 'must come after selfAssessmentDeadline: appraisal follows self-assessment');
  }
  const listed = new Set<string>();
  command.participants.forEach((p, i) => {
    if (listed.has(p.code)) throw badInput(`agencyCodes[${i}]`, `agency ${p.code} is listed twice`);
    listed.add(p.code);
    if (!groups.has(p.group)) throw badInput(`agencyCodes[${i}]`, `agency ${p.code} is in group ${p.group}, which has no framework in this cycle`);
  });
  checkEnrolment({ ...command.enrolment, year, participants: command.participants });
  if (command.participants.length === 0) throw badInput('agencyCodes', 'the cycle would assess no agency: register agencies of the covered groups first');
  const endedDuringYear = command.enrolment.endedDuringYear.filter((e) => listed.has(e.agencyCode));
  return [
    event('AssessmentCycleOpened', {
      year,
      frameworks: command.frameworks.map((f) => ({ group: f.group, frameworkCode: f.code })),
      participants: command.participants,
      selfAssessmentDeadline: command.selfAssessmentDeadline.toISOString(),
      appraisalDeadline: command.appraisalDeadline.toISOString(),
      bands: checkBands(command.bands),
      groupBands: checkGroupBands(command.groupBands, groups),
      endedDuringYear,
    }),
    ...(command.excludeEndedMidYear ? exclusionsOfEnded(year, command.participants, endedDuringYear) : []),
  ];
}

/** More time for one participating agency in one phase; it must reach past the year's deadline and now. */
function decideGrantExtension(command: GrantExtension, state: CycleState): CycleEvent[] {
  const cycle = requireOpened(state, command.year);
  const participant = participantOf(cycle, command.agencyCode);
  if (!participant) throw new DomainError('NOT_FOUND', `agency ${command.agencyCode} is not assessed in the ${cycle.year} cycle`, 'agencyCode');
  const reason = requireText('reason', command.reason, 2000);
  const until = requireDate('until', command.until);
  if (command.assessmentFinalized) {
    throw invalidState(`the ${cycle.year} assessment of ${participant.code} is finalized; there is nothing left to extend`);
  }
  if (hasPassed(until, command.now)) throw badInput('until', `${until} has already passed; an extension gives time from now on`);
  if (command.phase !== 'EXPLANATION') {
    const scheduled = effectiveDeadline({ ...cycle, extensions: [] }, participant.code, command.phase);
    if (Date.parse(until) <= Date.parse(scheduled)) {
      throw badInput('until', `must come after the year's ${command.phase} deadline (${scheduled}); an earlier one extends nothing`);
    }
  }
  return [event('ExtensionGranted', { year: cycle.year, agencyCode: participant.code, phase: command.phase, until, reason })];
}

/**
 * Leaves one participating agency out of its group's ranking (e.g. a unit dissolved during the year). Only before
 * that ranking is published: changing a published ranking is a correction (complaint, reopening, republication).
 */
function decideExcludeFromRanking(command: ExcludeFromRanking, state: CycleState): CycleEvent[] {
  const cycle = requireOpened(state, command.year);
  const participant = participantOf(cycle, command.agencyCode);
  if (!participant) throw new DomainError('NOT_FOUND', `agency ${command.agencyCode} is not assessed in the ${cycle.year} cycle`, 'agencyCode');
  const reason = requireText('reason', command.reason, 2000);
  const earlier = cycle.excluded.find((x) => x.agencyCode === participant.code);
  if (earlier) {
    throw invalidState(`${participant.code} is already left out of the ${cycle.year} ${participant.group} ranking (${earlier.reason})`);
  }
  if (cycle.published[participant.group] !== undefined) {
    throw invalidState(
      `the ${cycle.year} ${participant.group} ranking is already published; leaving ${participant.code} out now is a correction (complaint, reopening, republication)`,
    );
  }
  return [event('AgencyExcludedFromRanking', { year: cycle.year, agencyCode: participant.code, group: participant.group, reason })];
}

export const cycleDecider: Decider<CycleCommand, CycleEvent, CycleState> = {
  initialState: () => ({ opened: false }),
  decide(command, state) {
    switch (command.type) {
      case 'OpenAssessmentCycle':
        return decideOpen(command, state);
      case 'ProposeRanking':
        return decidePropose(command, state);
      case 'PublishRanking':
        return decidePublish(command, state);
      case 'AmendCycleSchedule':
        return decideAmendSchedule(command, state);
      case 'GrantExtension':
        return decideGrantExtension(command, state);
      case 'ExcludeFromRanking':
        return decideExcludeFromRanking(command, state);
      case 'WaiveSurvey':
        return decideWaiveSurvey(command, state);
      case 'RecordSurvey':
        return decideRecordSurvey(command, state);
    }
  },
  evolve: evolveCycle,
};
