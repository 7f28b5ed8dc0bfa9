import { GENESIS_HASH, type RecordedEvent } from '../../src/events/envelope';
import { sealEvents } from '../../src/events/hashChain';
import { MemoryEventStore } from '../../src/events/store/memory/memoryEventStore';
import { SqliteEventStore } from '../../src/events/store/sqlite/sqliteEventStore';
import type { AgencyGroup } from '../../src/events/parEvents';
import { upcast } from '../../src/events/upcasters';
import { AsOfReader, applyInMemory, foldProjection, type DocumentMap } from '../../src/projections/asOf';
import { assessmentsProjection } from '../../src/projections/assessments/assessmentsProjection';
import { rankingsProjection } from '../../src/projections/rankings/rankingsProjection';
import { IMPORTED_2019, YEAR, buildCycleLogOffline, type CycleLog } from './fixtures';

/**
 * A past state read from a few streams must equal the state the whole log had at that point: every position of
 * a realistic cycle is checked against a fold of the whole log up to it.
 */
describe('as-of reads', () => {
  let events: MemoryEventStore;
  let log: CycleLog;

  beforeAll(async () => {
    events = new MemoryEventStore();
    log = await buildCycleLogOffline(events);
  });

  const wholeLogUpTo = async (position: number) => (position === 0 ? [] : await events.readAll(0, position)).map((e) => upcast(e));

  it('rebuilds an assessment as it stood at positions throughout the log', async () => {
    const reader = new AsOfReader(events);
    const [agencyCode] = log.finalized.DISTRICT;
    const whole: DocumentMap = new Map(); // the whole log, folded one event at a time
    const all = (await events.readAll(0, log.head)).map((e) => upcast(e));
    let changes = 0;
    let previous: unknown = null;
    for (let position = 0; position <= log.head; position++) {
      if (position > 0) applyInMemory(assessmentsProjection, whole, all[position - 1]);
      if (position % 3 !== 0 && position !== log.head) continue; // every third position keeps the suite quick
      const expected = whole.get(`assessments/${YEAR}-${agencyCode}`) ?? null;
      const actual = await reader.assessment(YEAR, agencyCode, { position });
      expect(actual).toEqual(expected);
      if (JSON.stringify(actual) !== JSON.stringify(previous)) changes++;
      previous = actual;
    }
    expect(changes).toBeGreaterThan(5); // the assessment really moved through the log: opened, submitted, appraised, finalised
  });

  it('rebuilds, at each of its own events, the assessment that went through a draft and the rounds between appraisals', async () => {
    const reader = new AsOfReader(events);
    const all = (await events.readAll(0, log.head)).map((e) => upcast(e));
    const own = all.filter((e) => e.streamId === `assessment-${YEAR}-NONGSON`);
    expect([...new Set(own.map((e) => e.type))]).toEqual(expect.arrayContaining(['SelfAssessmentDraftSaved', 'ExplanationRequested', 'ExplanationSubmitted']));
    const whole: DocumentMap = new Map();
    let applied = 0;
    for (const e of own) {
      while (applied < e.globalPosition) applyInMemory(assessmentsProjection, whole, all[applied++]);
      expect(await reader.assessment(YEAR, 'NONGSON', { position: e.globalPosition })).toEqual(whole.get(`assessments/${YEAR}-NONGSON`) ?? null);
    }
  });

  it('rebuilds, at each of its own events, the assessment whose leaves were given to another appraiser', async () => {
    const reader = new AsOfReader(events);
    const all = (await events.readAll(0, log.head)).map((e) => upcast(e));
    const own = all.filter((e) => e.streamId === `assessment-${YEAR}-SNV`);
    expect(own.map((e) => e.type)).toContain('AppraiserAssigned');
    const whole: DocumentMap = new Map();
    let applied = 0;
    for (const e of own) {
      while (applied < e.globalPosition) applyInMemory(assessmentsProjection, whole, all[applied++]);
      expect(await reader.assessment(YEAR, 'SNV', { position: e.globalPosition })).toEqual(whole.get(`assessments/${YEAR}-SNV`) ?? null);
    }
  });

  it('rebuilds a department’s assessment on each side of its group’s survey waiver', async () => {
    const reader = new AsOfReader(events);
    const all = (await events.readAll(0, log.head)).map((e) => upcast(e));
    const waiver = all.find((e) => e.type === 'SurveyWaived')!;
    const whole: DocumentMap = new Map();
    for (const e of all.slice(0, waiver.globalPosition - 1)) applyInMemory(assessmentsProjection, whole, e);
    const before = await reader.assessment(YEAR, 'STP', { position: waiver.globalPosition - 1 });
    expect(before).toEqual(whole.get(`assessments/${YEAR}-STP`));
    applyInMemory(assessmentsProjection, whole, waiver);
    const after = await reader.assessment(YEAR, 'STP', { position: waiver.globalPosition });
    expect(after).toEqual(whole.get(`assessments/${YEAR}-STP`));
    const surveyLeaves = (doc: typeof after) => doc!.criteria.filter((c) => c.method === 'SURVEY').map((c) => c.applicable);
    expect(surveyLeaves(before).every(Boolean)).toBe(true);
    expect(surveyLeaves(after).some(Boolean)).toBe(false);
    expect(after!.applicableMaxPoints).toBeLessThan(before!.applicableMaxPoints);
  });

  it('rebuilds each group’s ranking as it stood at every position, and by time', async () => {
    const reader = new AsOfReader(events);
    for (const group of ['DEPARTMENT', 'DISTRICT'] as AgencyGroup[]) {
      for (let position = 0; position <= log.head; position += 7) {
        const expected = foldProjection(rankingsProjection, await wholeLogUpTo(position)).get(`rankings/${YEAR}-${group}`) ?? null;
        expect(await reader.ranking(YEAR, group, { position })).toEqual(expected);
      }
    }
    const all = await events.readAll(0, log.head);
    const middle = all[Math.floor(all.length / 2)];
    const byTime = await reader.ranking(YEAR, 'DISTRICT', { time: new Date(middle.metadata.recordedAt) });
    const upToTime = all.filter((e) => e.metadata.recordedAt <= middle.metadata.recordedAt).map((e) => upcast(e));
    expect(byTime).toEqual(foldProjection(rankingsProjection, upToTime).get(`rankings/${YEAR}-DISTRICT`) ?? null);
  });

  it('reads the same rankings through each store’s filter by event type (SQLite, memory) as a fold of the whole log', async () => {
    const sqlite = SqliteEventStore.open(':memory:');
    try {
      for (const e of await events.readAll(0, log.head)) {
        await sqlite.append(e.streamId, [{ type: e.type, schemaVersion: e.schemaVersion, data: e.data }], {
          expectedVersion: e.streamVersion - 1,
          metadata: e.metadata,
        });
      }
      const readers = [new AsOfReader(events), new AsOfReader(sqlite)];
      for (const group of ['DEPARTMENT', 'DISTRICT'] as AgencyGroup[]) {
        for (let position = 0; position <= log.head; position += 11) {
          const expected = foldProjection(rankingsProjection, await wholeLogUpTo(position)).get(`rankings/${YEAR}-${group}`) ?? null;
          for (const reader of readers) expect(await reader.ranking(YEAR, group, { position })).toEqual(expected);
        }
      }
    } finally {
      await sqlite.close();
    }
  });

  it('reads "as of a time" as the prefix of the log committed by then, even where old commit times go back and forth', async () => {
    const all = await events.readAll(0, log.head);
    const [agencyCode] = log.finalized.DISTRICT;
    // The assessment's last event, and just before it an event whose writer's clock ran 10 minutes ahead.
    const last = all.filter((e) => e.streamId === `assessment-${YEAR}-${agencyCode}`).pop() as RecordedEvent;
    const ahead = last.globalPosition - 1;
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const history: RecordedEvent[] = [];
    let after = { streamVersion: 0, globalPosition: 0, hash: GENESIS_HASH };
    for (const e of all) {
      const recordedAt = at(e.globalPosition === ahead ? e.globalPosition + 10 : e.globalPosition);
      const [sealed] = sealEvents(e.streamId, [e], { ...e.metadata, recordedAt }, { ...after, streamVersion: e.streamVersion - 1 });
      history.push(sealed);
      after = { streamVersion: sealed.streamVersion, globalPosition: sealed.globalPosition, hash: sealed.hash };
    }
    const legacy = new AsOfReader(new MemoryEventStore(history));
    const time = new Date(at(last.globalPosition + 1)); // after `last` by its own time, before the clock that ran ahead
    const prefix = history.slice(0, ahead - 1).map((e) => upcast(e));
    const expected = foldProjection(assessmentsProjection, prefix).get(`assessments/${YEAR}-${agencyCode}`) ?? null;
    const byTimeAlone = foldProjection(
      assessmentsProjection,
      history.filter((e) => e.metadata.recordedAt <= time.toISOString()).map((e) => upcast(e)),
    );
    expect(byTimeAlone.get(`assessments/${YEAR}-${agencyCode}`)).not.toEqual(expected); // the case matters
    expect(await legacy.assessment(YEAR, agencyCode, { time })).toEqual(expected);
    expect(await legacy.ranking(YEAR, 'DISTRICT', { time })).toEqual(foldProjection(rankingsProjection, prefix).get(`rankings/${YEAR}-DISTRICT`) ?? null);
  });

  it('knows nothing before the cycle was opened', async () => {
    const reader = new AsOfReader(events);
    expect(await reader.assessment(YEAR, log.finalized.DISTRICT[0], { position: 1 })).toBeNull();
    expect(await reader.ranking(YEAR, 'DISTRICT', { time: new Date('2000-01-01T00:00:00Z') })).toBeNull();
  });

  it('shows an imported ranking from its import on, and nothing before it', async () => {
    const reader = new AsOfReader(events);
    const [imported] = (await events.readAll(0, log.head)).filter((e) => e.type === 'PublishedRankingImported');
    const { year, group, jurisdiction } = IMPORTED_2019;
    expect(await reader.ranking(year, group, { position: imported.globalPosition - 1 }, jurisdiction)).toBeNull();
    const then = await reader.ranking(year, group, { position: imported.globalPosition }, jurisdiction);
    expect(then).toMatchObject({ imported: true, source: IMPORTED_2019.source, publication: { decisionNumber: IMPORTED_2019.decisionNumber } });
    expect(then?.publication?.entries.map((e) => e.agencyCode)).toEqual(['STP', 'STTTT-2019']);
    // Without a jurisdiction, only an import naming none would answer.
    expect(await reader.ranking(year, group, { position: log.head })).toBeNull();
  });
});
