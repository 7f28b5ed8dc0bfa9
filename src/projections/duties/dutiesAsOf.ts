import type { Duty } from '../../domain/duty/duty';
import type { RecordedParEvent } from '../../events/parEvents';
import type { EventStore } from '../../events/store/eventStore';
import { upcast } from '../../events/upcasters';
import { allProjections } from '../allProjections';
import { foldProjection } from '../asOf';
import { DUTY_SOURCES } from './dutySources';

const PAGE = 5000;

/**
 * Every area's duties of these agencies as the record stood at `position`: each duty source's projection folded in
 * memory over the events it handles up to there. Duties come from many streams (plans, rounds, inspections,
 * proposals, …), so the log is read up to the position: an inspector's question, not a hot path.
 */
export async function dutiesAsOf(events: EventStore, position: number, agencyCodes: readonly string[]): Promise<Duty[]> {
  const projections = DUTY_SOURCES.map((s) => ({ source: s, projection: allProjections.find((p) => p.name === s.projection)! }));
  const handled: ReadonlySet<string> = new Set(projections.flatMap((p) => [...p.projection.handles]));
  const read: RecordedParEvent[] = [];
  for (let after = 0; after < position;) {
    const page = await events.readAll(after, PAGE);
    if (page.length === 0) break;
    for (const e of page) if (e.globalPosition <= position && handled.has(e.type)) read.push(upcast(e));
    after = page[page.length - 1].globalPosition;
  }
  const codes = new Set(agencyCodes);
  return projections.flatMap(({ source, projection }) => {
    const docs = foldProjection(
      projection,
      read.filter((e) => projection.handles.has(e.type)),
    );
    return [...docs].filter(([key, doc]) => key.startsWith(`${source.collection}/`) && codes.has((doc as Duty).agencyCode)).map(([, doc]) => doc as Duty);
  });
}
