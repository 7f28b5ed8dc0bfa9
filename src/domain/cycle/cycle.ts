import type { AgencyGroup, AssessmentCycleOpened, CycleEvent } from '../../events/parEvents';

export type OpenedCycle = AssessmentCycleOpened['data'] & {
  /** Groups whose ranking has been published, with how many times it was republished since. */
  published: Partial<Record<AgencyGroup, { publishedAt: string; republications: number }>>;
};

export type CycleState = { opened: false } | ({ opened: true } & OpenedCycle);

export function evolveCycle(state: CycleState, event: CycleEvent, recordedAt: string): CycleState {
  switch (event.type) {
    case 'AssessmentCycleOpened':
      return { opened: true, ...event.data, published: {} };
    case 'RankingPublished':
    case 'RankingRepublished': {
      if (!state.opened) return state;
      const previous = state.published[event.data.group];
      return {
        ...state,
        published: {
          ...state.published,
          [event.data.group]: { publishedAt: recordedAt, republications: previous ? previous.republications + 1 : 0 },
        },
      };
    }
  }
}

export function frameworkCodeFor(cycle: OpenedCycle, group: AgencyGroup): string | null {
  return cycle.frameworks.find((f) => f.group === group)?.frameworkCode ?? null;
}

export function participantOf(cycle: OpenedCycle, agencyCode: string) {
  return cycle.participants.find((p) => p.code === agencyCode) ?? null;
}
