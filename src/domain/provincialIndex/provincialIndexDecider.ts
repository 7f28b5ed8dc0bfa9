import { event, type ProvincialIndexEvent } from '../../events/parEvents';
import type { Decider } from '../decider';
import { DomainError, badInput, forbidden, invalidState } from '../errors';
import type { Framework } from '../framework/framework';
import { leafIndex } from '../framework/framework';
import { toPoints } from '../points';
import { optionalText, requireCode, requireText, requireYear } from '../validation';
import { evolveProvincialAssessment, initialProvincialAssessment, type ProvincialAssessmentState } from './provincialAssessment';

type RequestCriterionData = {
  type: 'RequestCriterionData';
  year: number;
  criterionCodes: string[];
  agencyCode: string;
  dueAt: Date;
  /** The national criteria set (group PROVINCE), loaded by the handler: the year's, or the one named the first time. */
  framework: Framework | null;
  agencyRegistered: boolean;
  now: Date;
};
type ProvideCriterionData = {
  type: 'ProvideCriterionData';
  year: number;
  criterionCode: string;
  value: number;
  evidence?: string[] | null;
  note?: string | null;
  /** The department acting, from the token. */
  agencyCode: string | null;
};
type CompileProvincialAssessment = { type: 'CompileProvincialAssessment'; year: number };
export type RecordNationalResult = {
  type: 'RecordNationalResult';
  year: number;
  indexPercent: number;
  rank: number;
  ofProvinces: number;
  decisionNumber: string;
};
type ProvincialIndexCommand = RequestCriterionData | ProvideCriterionData | CompileProvincialAssessment | RecordNationalResult;

function decideRequest(c: RequestCriterionData, state: ProvincialAssessmentState): ProvincialIndexEvent[] {
  const year = requireYear('year', c.year);
  if (state.compiledAt) throw invalidState(`the ${year} provincial assessment is compiled; no data is asked for after that`);
  if (!c.framework)
    throw badInput('frameworkCode', 'name the national criteria set (a published framework of group PROVINCE) the first time data is asked for');
  if (c.framework.group !== 'PROVINCE') throw badInput('frameworkCode', `framework ${c.framework.code} is for ${c.framework.group}, not the province`);
  const agencyCode = requireCode('agencyCode', c.agencyCode);
  if (!c.agencyRegistered) throw new DomainError('NOT_FOUND', `agencyCode: agency ${agencyCode} is not registered`, 'agencyCode');
  if (!(c.dueAt instanceof Date) || Number.isNaN(c.dueAt.getTime())) throw badInput('dueAt', 'must be a date and time');
  if (c.dueAt.getTime() <= c.now.getTime()) throw badInput('dueAt', `must be later than now (${c.now.toISOString()})`);
  if (c.criterionCodes.length === 0) throw badInput('criterionCodes', 'name at least one criterion');
  const leaves = leafIndex(c.framework.areas);
  const seen = new Set<string>();
  c.criterionCodes.forEach((code, i) => {
    if (!leaves.has(code)) throw badInput(`criterionCodes[${i}]`, `${code} is not a criterion of ${c.framework!.code}`);
    if (seen.has(code)) throw badInput(`criterionCodes[${i}]`, `${code} is listed twice`);
    seen.add(code);
  });
  return [event('CriterionDataRequested', { year, frameworkCode: c.framework.code, agencyCode, criterionCodes: [...seen], dueAt: c.dueAt.toISOString() })];
}

function decideProvide(c: ProvideCriterionData, state: ProvincialAssessmentState): ProvincialIndexEvent[] {
  const year = requireYear('year', c.year);
  const asked = state.criteria[c.criterionCode];
  if (!asked) throw new DomainError('NOT_FOUND', `criterionCode: no department was asked for criterion ${c.criterionCode} in ${year}`, 'criterionCode');
  if (c.agencyCode !== asked.agencyCode)
    throw forbidden(`the data of criterion ${c.criterionCode} is asked of ${asked.agencyCode}, not of ${c.agencyCode ?? 'no agency'}`);
  if (state.compiledAt) throw invalidState(`the ${year} provincial assessment is compiled; its data no longer changes`);
  if (!Number.isFinite(c.value) || toPoints(c.value) === null) throw badInput('value', `must be a number with at most 4 decimals, got ${c.value}`);
  const evidence = (c.evidence ?? []).map((e, i) => requireText(`evidence[${i}]`, e, 1000));
  return [
    event('CriterionDataProvided', {
      year,
      agencyCode: asked.agencyCode,
      criterionCode: c.criterionCode,
      value: c.value,
      evidence,
      note: optionalText('note', c.note, 2000),
    }),
  ];
}

function decideCompile(c: CompileProvincialAssessment, state: ProvincialAssessmentState): ProvincialIndexEvent[] {
  const year = requireYear('year', c.year);
  if (!state.frameworkCode) throw new DomainError('NOT_FOUND', `there is no ${year} provincial assessment: ask the departments for data first`, 'year');
  if (state.compiledAt) throw invalidState(`the ${year} provincial assessment is already compiled`);
  const criteria = Object.entries(state.criteria).map(([criterionCode, x]) => ({ criterionCode, agencyCode: x.agencyCode, value: x.value }));
  const missing = criteria.filter((x) => x.value === null).map((x) => x.criterionCode);
  return [event('ProvincialAssessmentCompiled', { year, frameworkCode: state.frameworkCode, criteria, missing })];
}

function decideNationalResult(c: RecordNationalResult, state: ProvincialAssessmentState): ProvincialIndexEvent[] {
  const year = requireYear('year', c.year);
  if (state.nationalResult) throw new DomainError('CONFLICT', `the ministry's ${year} result is already recorded`, 'year');
  if (!Number.isFinite(c.indexPercent) || c.indexPercent < 0 || c.indexPercent > 100) throw badInput('indexPercent', 'must be between 0 and 100');
  if (!Number.isInteger(c.ofProvinces) || c.ofProvinces < 1) throw badInput('ofProvinces', 'must be a whole number of provinces');
  if (!Number.isInteger(c.rank) || c.rank < 1 || c.rank > c.ofProvinces) throw badInput('rank', `must be between 1 and ${c.ofProvinces}`);
  const decisionNumber = requireText('decisionNumber', c.decisionNumber, 100);
  return [event('NationalResultRecorded', { year, indexPercent: c.indexPercent, rank: c.rank, ofProvinces: c.ofProvinces, decisionNumber })];
}

export const provincialIndexDecider: Decider<ProvincialIndexCommand, ProvincialIndexEvent, ProvincialAssessmentState> = {
  initialState: initialProvincialAssessment,
  decide(command, state) {
    switch (command.type) {
      case 'RequestCriterionData':
        return decideRequest(command, state);
      case 'ProvideCriterionData':
        return decideProvide(command, state);
      case 'CompileProvincialAssessment':
        return decideCompile(command, state);
      case 'RecordNationalResult':
        return decideNationalResult(command, state);
    }
  },
  evolve: evolveProvincialAssessment,
};
