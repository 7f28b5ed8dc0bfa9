import type { RecordedEvent } from '../../src/events/envelope';
import { CURRENT_SCHEMA_VERSION, PAR_EVENT_TYPES } from '../../src/events/parEvents';
import { upcast, upcaster, UpcastError, UpcasterRegistry, type UpcastStep } from '../../src/events/upcasters';

/** A stored event as a reader gets it from a store. */
function stored(type: string, schemaVersion: number, data: unknown, globalPosition = 7): RecordedEvent {
  return {
    eventId: `e-${globalPosition}`,
    streamId: 'assessment-2024-SNV',
    streamVersion: 3,
    globalPosition,
    type,
    schemaVersion,
    data,
    metadata: {
      actor: { sub: 'u-1', name: 'Lê Thị Thu Hà', agency: 'SNV', roles: ['COORDINATOR'] },
      commandId: 'cmd-1',
      correlationId: 'cmd-1',
      causationId: 'cmd-1',
      recordedAt: '2024-06-30T08:00:00.000Z',
    },
    prevHash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
  };
}

// A made-up event type with three schema versions: v1 { score }, v2 { points } (renamed), v3 { points, maxPoints }
// (maxPoints derived from v2's points, so applying the steps out of order would fail or give another answer).
type V1 = { score: number };
type V2 = { points: number };
type V3 = { points: number; maxPoints: number };
const v1ToV2: UpcastStep = { type: 'CriterionScored', fromVersion: 1, up: (d: V1): V2 => ({ points: d.score }) };
const v2ToV3: UpcastStep = { type: 'CriterionScored', fromVersion: 2, up: (d: V2): V3 => ({ points: d.points, maxPoints: Math.max(10, d.points) }) };
const current = { CriterionScored: 3, AgencyRenamed: 1 };

describe('UpcasterRegistry', () => {
  it('applies a chain in version order (v1 → v2 → v3), whatever order the steps were registered in', () => {
    const registry = new UpcasterRegistry([v2ToV3, v1ToV2], current);

    const fromV1 = registry.upcast(stored('CriterionScored', 1, { score: 12.5 }));
    expect(fromV1.schemaVersion).toBe(3);
    expect(fromV1.data).toEqual({ points: 12.5, maxPoints: 12.5 });

    expect(registry.upcast(stored('CriterionScored', 2, { points: 4 })).data).toEqual({ points: 4, maxPoints: 10 });
    expect(registry.upcast(stored('CriterionScored', 3, { points: 4, maxPoints: 5 })).data).toEqual({ points: 4, maxPoints: 5 });
  });

  it('keeps the envelope, and leaves the stored event untouched so its hash still verifies', () => {
    const registry = new UpcasterRegistry([v1ToV2, v2ToV3], current);
    const original = stored('CriterionScored', 1, { score: 3 });
    const snapshot = structuredClone(original);

    const upcast = registry.upcast(original);

    expect(original).toEqual(snapshot);
    const { data: _d, schemaVersion: _v, ...envelope } = upcast;
    const { data: _od, schemaVersion: _ov, ...originalEnvelope } = snapshot;
    expect(envelope).toEqual(originalEnvelope);
  });

  it('refuses at construction a chain with a missing step (v1 and v3 known, no v1 → v2), naming it', () => {
    expect(() => new UpcasterRegistry([v2ToV3], current)).toThrow(UpcastError);
    expect(() => new UpcasterRegistry([v2ToV3], current)).toThrow('CriterionScored is at schema version 3 but has no upcaster from version 1 to 2');
  });

  it('names every problem of a table at once', () => {
    const unknownType: UpcastStep = { type: 'NoSuchEvent', fromVersion: 1, up: (d: unknown) => d };
    const beyondCurrent: UpcastStep = { type: 'AgencyRenamed', fromVersion: 1, up: (d: unknown) => d };
    let message = '';
    try {
      new UpcasterRegistry([v1ToV2, v1ToV2, unknownType, beyondCurrent], current);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n').slice(1)).toEqual([
      '  - upcaster CriterionScored 1→2 is registered twice',
      '  - upcaster NoSuchEvent 1→2 is for an event type this build does not know',
      "  - upcaster AgencyRenamed 1→2 is outside AgencyRenamed's versions 1 to 1",
      '  - CriterionScored is at schema version 3 but has no upcaster from version 2 to 3',
    ]);
  });

  it('refuses an event newer than the build, naming its type, position and both versions, instead of projecting it', () => {
    const lastStep = jest.fn(v2ToV3.up as (d: V2) => V3);
    const registry = new UpcasterRegistry([v1ToV2, { ...v2ToV3, up: lastStep }], current);
    expect(() => registry.upcast(stored('CriterionScored', 4, { points: 1, maxPoints: 10, extra: true }, 42))).toThrow(
      "CriterionScored at position 42 (stream assessment-2024-SNV) has schema version 4, newer than this build's 3",
    );
    expect(lastStep).not.toHaveBeenCalled();
    registry.upcast(stored('CriterionScored', 2, { points: 1 }));
    expect(lastStep).toHaveBeenCalledTimes(1);
  });

  it('refuses an unknown event type and a schema version that is not a whole number from 1', () => {
    const registry = new UpcasterRegistry([v1ToV2, v2ToV3], current);
    expect(() => registry.upcast(stored('Mystery', 1, {}))).toThrow('unknown event type Mystery at position 7');
    expect(() => registry.upcast(stored('CriterionScored', 0, {}))).toThrow('has schema version 0');
    expect(() => registry.upcast(stored('CriterionScored', 1.5, {}))).toThrow('has schema version 1.5');
  });
});

describe('the upcasters of this build', () => {
  it('bring every current event type through unchanged', () => {
    for (const type of PAR_EVENT_TYPES) {
      const event = stored(type, CURRENT_SCHEMA_VERSION[type], { some: 'data' });
      expect(upcast(event)).toEqual(event);
    }
  });

  it('give publications logged before decisions were recorded (version 1) a null decision number and date', () => {
    const entries = [{ rank: 1, agencyCode: 'TAMKY', agencyName: 'UBND Thành phố Tam Kỳ', totalPoints: 18, maxPoints: 20, indexPercent: 90, band: 'Tốt' }];
    const published = upcast(stored('RankingPublished', 1, { year: 2024, group: 'DISTRICT', entries }));
    expect(published).toMatchObject({ schemaVersion: 2, data: { year: 2024, group: 'DISTRICT', entries, decisionNumber: null, decisionDate: null } });
    const republished = upcast(stored('RankingRepublished', 1, { year: 2024, group: 'DISTRICT', entries, reason: 'Sửa điểm' }));
    expect(republished.data).toEqual({ year: 2024, group: 'DISTRICT', entries, reason: 'Sửa điểm', decisionNumber: null, decisionDate: null });
  });

  it('give frameworks published before bonus and penalty caps (version 1) caps of 0', () => {
    const v1 = { code: 'DEPT-2024', title: 'Bộ chỉ số 2024', group: 'DEPARTMENT', sample: false, methodology: null, maxPoints: 10, areas: [] };
    const framework = upcast(stored('FrameworkPublished', 1, v1));
    expect(framework.schemaVersion).toBe(3);
    expect(framework.data).toEqual({ ...v1, bonusMaxPoints: 0, penaltyMaxPoints: 0, legalBasis: null });
  });

  it('give frameworks published before their legal basis was recorded (version 2) none, keeping the methodology', () => {
    const v2 = {
      code: 'DEPT-2024',
      title: 'Bộ chỉ số 2024',
      group: 'DEPARTMENT',
      sample: false,
      methodology: 'QĐ 1149/QĐ-BNV',
      maxPoints: 10,
      bonusMaxPoints: 1,
      penaltyMaxPoints: 2,
      areas: [],
    };
    const framework = upcast(stored('FrameworkPublished', 2, v2));
    expect(framework.schemaVersion).toBe(3);
    expect(framework.data).toEqual({ ...v2, legalBasis: null });
  });

  it('give cycles opened before bands could differ per group (version 1) no group bands', () => {
    const v1 = {
      year: 2024,
      frameworks: [],
      participants: [],
      selfAssessmentDeadline: 'x',
      appraisalDeadline: 'y',
      bands: [{ label: 'Tốt', minIndexPercent: 80 }],
    };
    const cycle = upcast(stored('AssessmentCycleOpened', 1, v1));
    expect(cycle.schemaVersion).toBe(3);
    expect(cycle.data).toEqual({ ...v1, groupBands: [], endedDuringYear: [] });
  });

  it('give cycles opened before lineage (version 2) no participant that ended during the year', () => {
    const v2 = { year: 2024, frameworks: [], participants: [], selfAssessmentDeadline: 'x', appraisalDeadline: 'y', bands: [], groupBands: [] };
    expect(upcast(stored('AssessmentCycleOpened', 2, v2)).data).toEqual({ ...v2, endedDuringYear: [] });
  });

  it('give agencies registered before jurisdictions (version 1) the home jurisdiction and no start date', () => {
    const v1 = { code: 'STP', name: 'Sở Tư pháp', group: 'DEPARTMENT' };
    const agency = upcast(stored('AgencyRegistered', 1, v1));
    expect(agency.schemaVersion).toBe(2);
    expect(agency.data).toEqual({ ...v1, jurisdiction: 'QNA', activeFrom: null });
  });

  it('give survey scores recorded before surveys were described (version 1) no cited survey', () => {
    const v1 = { year: 2024, agencyCode: 'TAMKY', scores: [{ criterionCode: '8.3', points: 1.7654 }] };
    const scores = upcast(stored('SurveyScoresRecorded', 1, v1));
    expect(scores.schemaVersion).toBe(2);
    expect(scores.data).toEqual({ ...v1, surveyCode: null });
  });

  it('refuse a PAR event newer than the build', () => {
    const next = CURRENT_SCHEMA_VERSION.SelfAssessmentSubmitted + 1;
    expect(() => upcast(stored('SelfAssessmentSubmitted', next, {}))).toThrow(
      `SelfAssessmentSubmitted at position 7 (stream assessment-2024-SNV) has schema version ${next}, newer than this build's ${next - 1}`,
    );
  });

  it('upcaster() only compiles for a step the type has, and the registry refuses it anyway', () => {
    // @ts-expect-error AgencyRenamed has only its current version: there is no version 2 for a step to produce.
    const step = upcaster('AgencyRenamed', 1, (data) => data);
    expect(() => new UpcasterRegistry([step], CURRENT_SCHEMA_VERSION)).toThrow("upcaster AgencyRenamed 1→2 is outside AgencyRenamed's versions 1 to 1");
  });
});
