import { HOME_JURISDICTION } from '../domain/lineage/lineage';
import type { RecordedEvent } from './envelope';
import { CURRENT_SCHEMA_VERSION, type ParEventData, type ParEventType, type RecordedParEvent } from './parEvents';

/** Version 1 of the publication events: before the People's Committee's decision was recorded with them. */
type RankingDataV1<T extends 'RankingPublished' | 'RankingRepublished'> = Omit<ParEventData<T>, 'decisionNumber' | 'decisionDate'>;

/**
 * Stored events never change (their hashes chain them), so when an event type's data changes shape its schema
 * version goes up in CURRENT_SCHEMA_VERSION and a step here turns the previous version's data into the next one's.
 * Readers (command handler, projections, as-of reads) upcast every event they load, step by step, to the current
 * version; the stored event and its hash stay as they were.
 */

/**
 * The data shape of each past schema version of each event type, by version. Empty while every type is at
 * version 1. When a type changes, describe its old shapes here, e.g.
 *   SelfAssessmentSubmitted: { 1: SelfAssessmentDataV1 };
 * and `upcaster()` then checks each step's input and output against them.
 */
/** Version 2 of FrameworkPublished: before frameworks recorded the decision that issued them. */
type FrameworkDataV2 = Omit<ParEventData<'FrameworkPublished'>, 'legalBasis'>;

/** Version 1 of FrameworkPublished: before frameworks capped bonus and penalty points. */
type FrameworkDataV1 = Omit<FrameworkDataV2, 'bonusMaxPoints' | 'penaltyMaxPoints'>;

/** Version 1 of AssessmentCycleOpened: one set of bands for every group. */
type CycleOpenedDataV1 = Omit<ParEventData<'AssessmentCycleOpened'>, 'groupBands' | 'endedDuringYear'>;
/** Version 2 of AssessmentCycleOpened: before participants that ended during the year were listed. */
type CycleOpenedDataV2 = Omit<ParEventData<'AssessmentCycleOpened'>, 'endedDuringYear'>;

/** Version 1 of SurveyScoresRecorded: before scores cited the survey they come from. */
type SurveyScoresDataV1 = Omit<ParEventData<'SurveyScoresRecorded'>, 'surveyCode'>;

/** Version 1 of AgencyRegistered: before jurisdictions and dates of effect. */
type AgencyRegisteredDataV1 = Omit<ParEventData<'AgencyRegistered'>, 'jurisdiction' | 'activeFrom'>;

/** Version 1 of the appraisal events and explanation requests: before the acting agency was told from the agency of record. */
type ActedV1<T extends 'CriterionAppraised' | 'AppraisalCorrected' | 'ExplanationRequested'> = Omit<ParEventData<T>, 'actingAgencyCode'>;

interface ParSchemaHistory {
  CriterionAppraised: { 1: ActedV1<'CriterionAppraised'> };
  AppraisalCorrected: { 1: ActedV1<'AppraisalCorrected'> };
  ExplanationRequested: { 1: ActedV1<'ExplanationRequested'> };
  AgencyRegistered: { 1: AgencyRegisteredDataV1 };
  AssessmentCycleOpened: { 1: CycleOpenedDataV1; 2: CycleOpenedDataV2 };
  FrameworkPublished: { 1: FrameworkDataV1; 2: FrameworkDataV2 };
  RankingPublished: { 1: RankingDataV1<'RankingPublished'> };
  RankingRepublished: { 1: RankingDataV1<'RankingRepublished'> };
  SurveyScoresRecorded: { 1: SurveyScoresDataV1 };
}

type CurrentVersion<T extends ParEventType> = (typeof CURRENT_SCHEMA_VERSION)[T];
type NextVersion<V extends number> = [never, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16][V];
type PastVersions<T extends ParEventType> = T extends keyof ParSchemaHistory ? ParSchemaHistory[T] : Record<never, never>;

/** The data of `T` at schema version `V`: the current shape, or a past one from ParSchemaHistory. */
type ParEventDataAt<T extends ParEventType, V extends number> =
  V extends CurrentVersion<T> ? ParEventData<T> : V extends keyof PastVersions<T> ? PastVersions<T>[V] : never;

/** One step of one type's chain: data at `fromVersion` in, data at `fromVersion + 1` out. */
export interface UpcastStep {
  readonly type: string;
  readonly fromVersion: number;
  readonly up: (data: never) => unknown;
}

/**
 * A step of a PAR event type, typed by that type's history: the compiler checks that it takes the data of version
 * `fromVersion` and returns the data of the version after it (the current shape for the last step).
 */
export function upcaster<T extends ParEventType, V extends number>(
  type: T,
  fromVersion: V,
  up: (data: ParEventDataAt<T, V>) => ParEventDataAt<T, NextVersion<V>>,
): UpcastStep {
  return { type, fromVersion, up };
}

/** The steps of this build; `{ type, fromVersion }` pairs, applied in version order whatever their order here. */
const PAR_UPCAST_STEPS: readonly UpcastStep[] = [
  // Before lineage, the agency of record always acted itself.
  upcaster('CriterionAppraised', 1, (data) => ({ ...data, actingAgencyCode: data.appraiserCode })),
  upcaster('AppraisalCorrected', 1, (data) => ({ ...data, actingAgencyCode: data.appraiserCode })),
  upcaster('ExplanationRequested', 1, (data) => ({ ...data, actingAgencyCode: data.appraiserCode })),
  // Agencies registered before jurisdictions were Quảng Nam's, and existed before the register began.
  upcaster('AgencyRegistered', 1, (data) => ({ ...data, jurisdiction: HOME_JURISDICTION, activeFrom: null })),
  // Frameworks published before bonus and penalty points existed allow none.
  upcaster('FrameworkPublished', 1, (data) => ({ ...data, bonusMaxPoints: 0, penaltyMaxPoints: 0 })),
  // Frameworks published before their legal basis was recorded name none.
  upcaster('FrameworkPublished', 2, (data) => ({ ...data, legalBasis: null })),
  // Cycles opened before bands could differ per group rate every group on the default bands.
  upcaster('AssessmentCycleOpened', 1, (data) => ({ ...data, groupBands: [] })),
  // Cycles opened before lineage listed no participant as ended during the year.
  upcaster('AssessmentCycleOpened', 2, (data) => ({ ...data, endedDuringYear: [] })),
  // Publications logged before decisions were recorded carry none.
  upcaster('RankingPublished', 1, (data) => ({ ...data, decisionNumber: null, decisionDate: null })),
  upcaster('RankingRepublished', 1, (data) => ({ ...data, decisionNumber: null, decisionDate: null })),
  // Survey scores recorded before surveys were described cite none.
  upcaster('SurveyScoresRecorded', 1, (data) => ({ ...data, surveyCode: null })),
];

/** A registry that cannot bring some version to the current one, or an event it cannot read. */
export class UpcastError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpcastError';
  }
}

/**
 * The chains of steps for a table of current versions. Built once at start: an incomplete table (a version with no
 * step to the next one, a step for an unknown type or beyond the current version, two steps for one version) is
 * refused here, naming every problem, so no event is ever half-upcast while the service runs.
 */
export class UpcasterRegistry {
  private readonly chains = new Map<string, Map<number, (data: unknown) => unknown>>();

  constructor(
    steps: readonly UpcastStep[],
    private readonly current: Readonly<Record<string, number>>,
  ) {
    const problems: string[] = [];
    for (const step of steps) {
      const target = current[step.type];
      const name = `${step.type} ${step.fromVersion}→${step.fromVersion + 1}`;
      if (target === undefined) problems.push(`upcaster ${name} is for an event type this build does not know`);
      else if (!Number.isInteger(step.fromVersion) || step.fromVersion < 1 || step.fromVersion >= target) {
        problems.push(`upcaster ${name} is outside ${step.type}'s versions 1 to ${target}`);
      } else {
        const chain = this.chains.get(step.type) ?? new Map<number, (data: unknown) => unknown>();
        if (chain.has(step.fromVersion)) problems.push(`upcaster ${name} is registered twice`);
        chain.set(step.fromVersion, step.up as (data: unknown) => unknown);
        this.chains.set(step.type, chain);
      }
    }
    for (const [type, target] of Object.entries(current)) {
      if (!Number.isInteger(target) || target < 1) {
        problems.push(`${type} has current schema version ${target}; versions are whole numbers from 1`);
        continue;
      }
      for (let version = 1; version < target; version++) {
        if (!this.chains.get(type)?.has(version)) {
          problems.push(`${type} is at schema version ${target} but has no upcaster from version ${version} to ${version + 1}`);
        }
      }
    }
    if (problems.length > 0) throw new UpcastError(`incomplete upcaster chains:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  /** Brings a stored event to the current schema of its type, applying each step in version order. */
  upcast(event: RecordedEvent): RecordedParEvent {
    const target = this.current[event.type];
    const at = `at position ${event.globalPosition} (stream ${event.streamId})`;
    if (target === undefined) throw new UpcastError(`unknown event type ${event.type} ${at}: this build does not know it`);
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new UpcastError(`${event.type} ${at} has schema version ${event.schemaVersion}; versions are whole numbers from 1`);
    }
    if (event.schemaVersion > target) {
      throw new UpcastError(
        `${event.type} ${at} has schema version ${event.schemaVersion}, newer than this build's ${target}: run a build that knows version ${event.schemaVersion}`,
      );
    }
    let data = event.data;
    for (let version = event.schemaVersion; version < target; version++) {
      // The constructor proved every step exists.
      const step = this.chains.get(event.type)?.get(version) as (data: unknown) => unknown;
      data = step(data);
    }
    return { ...event, data, schemaVersion: target } as RecordedParEvent;
  }
}

/** The registry of this build; constructing it at load is the start-up check that every chain is complete. */
const parUpcasters = new UpcasterRegistry(PAR_UPCAST_STEPS, CURRENT_SCHEMA_VERSION);

/** Brings a stored PAR event to the current schema of its type (see UpcasterRegistry.upcast). */
export function upcast(event: RecordedEvent): RecordedParEvent {
  return parUpcasters.upcast(event);
}
