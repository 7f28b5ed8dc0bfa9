import { evolveCycle, type OpenedCycle } from '../../domain/cycle/cycle';
import { defineProjection } from '../projection';

export type CycleDocument = OpenedCycle & { openedAt: string };

const id = (year: number) => String(year);

/** The cycle's events after its opening: each changes the opened cycle's document. */
const LATER_CYCLE_EVENTS = [
  'RankingProposed',
  'RankingPublished',
  'RankingRepublished',
  'CycleScheduleAmended',
  'ExtensionGranted',
  'AgencyExcludedFromRanking',
  'SurveyWaived',
  'SurveyRecorded',
] as const;

export const cyclesProjection = defineProjection({
  name: 'cycles',
  // 4: bands per group; survey waivers and surveys.
  version: 4,
  collections: [{ name: 'cycles', indexes: [['year']] }],
  handles: ['AssessmentCycleOpened', ...LATER_CYCLE_EVENTS],
  reads: (event) => (LATER_CYCLE_EVENTS.some((t) => t === event.type) && 'year' in event.data ? [{ collection: 'cycles', id: id(event.data.year) }] : []),
  apply(event, docs) {
    const recordedAt = event.metadata.recordedAt;
    switch (event.type) {
      case 'AssessmentCycleOpened': {
        const state = evolveCycle({ opened: false }, event, recordedAt);
        if (!state.opened) return [];
        const { opened: _opened, ...cycle } = state;
        return [{ collection: 'cycles', id: id(event.data.year), doc: { ...cycle, openedAt: recordedAt } satisfies CycleDocument }];
      }
      case 'RankingProposed':
      case 'RankingPublished':
      case 'RankingRepublished':
      case 'CycleScheduleAmended':
      case 'ExtensionGranted':
      case 'AgencyExcludedFromRanking':
      case 'SurveyWaived':
      case 'SurveyRecorded': {
        const current = docs<CycleDocument>('cycles', id(event.data.year));
        if (!current) return [];
        const next = evolveCycle({ opened: true, ...current }, event, recordedAt);
        if (!next.opened) return [];
        const { opened: _opened, ...cycle } = next;
        return [{ collection: 'cycles', id: id(event.data.year), doc: { ...cycle, openedAt: current.openedAt } satisfies CycleDocument }];
      }
      default:
        return [];
    }
  },
});
