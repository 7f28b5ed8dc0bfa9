import type { RecordedEvent } from '../events/envelope';

/** What a subscription watches: one kind of answer, narrowed by year and key (agency code or group) when it has them. */
export interface Topic {
  kind: 'assessment' | 'ranking' | 'duties' | 'audit';
  year?: number;
  key?: string;
}

/**
 * The topics an event may have changed. A topic without year or key reaches every subscriber of its kind: an
 * event whose effect is not plain from its stream wakes them all, and their re-read decides whether the answer
 * changed (a wake-up too many costs a read; one too few would leave a subscriber behind).
 */
export function topicsOf(event: Pick<RecordedEvent, 'streamId'>): Topic[] {
  // Duties gather many streams (assessments, plans, reportings, proposals, inspections, the matrix) and reach the
  // appraising agencies too: any event may change any agency's.
  const always: Topic[] = [{ kind: 'duties' }, { kind: 'audit' }];
  const assessment = /^assessment-(\d+)-(.+)$/.exec(event.streamId);
  if (assessment) {
    const year = Number(assessment[1]);
    // A provisional ranking lists the group's finalised assessments: any change of one may change it.
    return [{ kind: 'assessment', year, key: assessment[2] }, { kind: 'ranking', year }, ...always];
  }
  const yearly = /^(?:cycle|ranking-import)-(\d+)/.exec(event.streamId);
  if (yearly) {
    const year = Number(yearly[1]);
    return [{ kind: 'assessment', year }, { kind: 'ranking', year }, ...always];
  }
  // Criteria sets, agencies and their lineage shape assessments and rankings of any year.
  if (/^(?:framework-|agency-|lineage$)/.test(event.streamId)) return [{ kind: 'assessment' }, { kind: 'ranking' }, ...always];
  return always;
}

/** Whether an event's topic reaches a subscriber's. */
export function reaches(changed: Topic, watched: Topic): boolean {
  return (
    changed.kind === watched.kind && (changed.year === undefined || changed.year === watched.year) && (changed.key === undefined || changed.key === watched.key)
  );
}
