import type { AgencyGroup, AssessmentCycleOpened, CycleEvent, RankingEntryData, SurveyRecorded } from '../../events/parEvents';
import type { Extension } from './schedule';

export type OpenedCycle = AssessmentCycleOpened['data'] & {
  /** SNV's latest proposal per group not yet published (a publication consumes it). */
  proposed: Partial<Record<AgencyGroup, { entries: RankingEntryData[]; proposedAt: string }>>;
  /** Groups whose ranking has been published, with how many times it was republished since. */
  published: Partial<Record<AgencyGroup, { publishedAt: string; republications: number }>>;
  /** Every amendment of the year's deadlines, oldest first; the deadlines above are the amended ones. */
  scheduleAmendments: ScheduleAmendment[];
  /** Every extension granted, oldest first; the latest per (agency, phase) is in force (schedule.ts). */
  extensions: Extension[];
  /** Agencies left out of their group's ranking, with the reason. */
  excluded: { agencyCode: string; group: AgencyGroup; reason: string; excludedAt: string }[];
  /** Groups whose survey the coordinator waived this year: their survey leaves are not applicable. */
  surveyWaivers: SurveyWaiver[];
  /** The year's surveys as recorded (SurveyRecorded), oldest first. */
  surveys: SurveyRecord[];
};

interface SurveyWaiver {
  group: AgencyGroup;
  reason: string;
  waivedAt: string;
}

type SurveyRecord = Omit<SurveyRecorded['data'], 'year'> & { recordedAt: string };

interface ScheduleAmendment {
  selfAssessmentDeadline: string;
  appraisalDeadline: string;
  previousSelfAssessmentDeadline: string;
  previousAppraisalDeadline: string;
  reason: string;
  amendedAt: string;
}

export type CycleState = { opened: false } | ({ opened: true } & OpenedCycle);

export function evolveCycle(state: CycleState, event: CycleEvent, recordedAt: string): CycleState {
  switch (event.type) {
    case 'AssessmentCycleOpened':
      return {
        opened: true,
        ...event.data,
        proposed: {},
        published: {},
        scheduleAmendments: [],
        extensions: [],
        excluded: [],
        surveyWaivers: [],
        surveys: [],
      };
    case 'RankingProposed': {
      if (!state.opened) return state;
      return { ...state, proposed: { ...state.proposed, [event.data.group]: { entries: event.data.entries, proposedAt: recordedAt } } };
    }
    case 'RankingPublished':
    case 'RankingRepublished': {
      if (!state.opened) return state;
      const previous = state.published[event.data.group];
      const { [event.data.group]: _consumed, ...proposed } = state.proposed;
      return {
        ...state,
        proposed,
        published: {
          ...state.published,
          [event.data.group]: { publishedAt: recordedAt, republications: previous ? previous.republications + 1 : 0 },
        },
      };
    }
    case 'CycleScheduleAmended': {
      if (!state.opened) return state;
      const { year: _year, ...amendment } = event.data;
      return {
        ...state,
        selfAssessmentDeadline: event.data.selfAssessmentDeadline,
        appraisalDeadline: event.data.appraisalDeadline,
        scheduleAmendments: [...state.scheduleAmendments, { ...amendment, amendedAt: recordedAt }],
      };
    }
    case 'ExtensionGranted': {
      if (!state.opened) return state;
      const { agencyCode, phase, until, reason } = event.data;
      return { ...state, extensions: [...state.extensions, { agencyCode, phase, until, reason, grantedAt: recordedAt }] };
    }
    case 'AgencyExcludedFromRanking': {
      if (!state.opened) return state;
      const { agencyCode, group, reason } = event.data;
      return { ...state, excluded: [...state.excluded, { agencyCode, group, reason, excludedAt: recordedAt }] };
    }
    case 'SurveyWaived': {
      if (!state.opened) return state;
      const { group, reason } = event.data;
      return { ...state, surveyWaivers: [...(state.surveyWaivers ?? []), { group, reason, waivedAt: recordedAt }] };
    }
    case 'SurveyRecorded': {
      if (!state.opened) return state;
      const { year: _year, ...survey } = event.data;
      return { ...state, surveys: [...(state.surveys ?? []), { ...survey, recordedAt }] };
    }
  }
}

/** Whether the group's survey is waived this year (cycles recorded before waivers have none). */
export function isSurveyWaived(cycle: Pick<OpenedCycle, 'surveyWaivers'>, group: AgencyGroup | null): boolean {
  return group !== null && (cycle.surveyWaivers ?? []).some((w) => w.group === group);
}

export function frameworkCodeFor(cycle: OpenedCycle, group: AgencyGroup): string | null {
  return cycle.frameworks.find((f) => f.group === group)?.frameworkCode ?? null;
}

export function participantOf(cycle: OpenedCycle, agencyCode: string) {
  return cycle.participants.find((p) => p.code === agencyCode) ?? null;
}
