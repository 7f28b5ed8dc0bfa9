import type { AgencyGroup, AreaDefinition, CriterionDefinition, ScoringMethod } from '../../events/parEvents';
import { badInput } from '../errors';
import { requireLegalBasis, type LegalBasisInput } from '../legalBasis';
import { fromPoints, sumPoints, toPoints, type Points } from '../points';
import { optionalText, requireCode, requireCriterionCode, requireText } from '../validation';
import type { Framework } from './framework';

/** A methodology is a paragraph (the decisions followed and how points are given), not a label. */
export const METHODOLOGY_CHARS = 2000;

export interface CriterionInput {
  code: string;
  title: string;
  maxPoints?: number | null;
  method?: ScoringMethod | null;
  appraiserCode?: string | null;
  children?: CriterionInput[] | null;
}

export interface AreaInput {
  code: string;
  title: string;
  /** Default appraiser for the area's self-assessed leaves (Decision 2824 assigns appraisal per area). */
  appraiserCode?: string | null;
  criteria: CriterionInput[];
}

export interface FrameworkInput {
  code: string;
  title: string;
  group: AgencyGroup;
  sample?: boolean | null;
  /** How agencies are assessed under it: the national methodology it follows, e.g. "QĐ 1149/QĐ-BNV: …". */
  methodology?: string | null;
  /** The decision that issued it; number and date required when given. */
  legalBasis?: LegalBasisInput | null;
  /** Cap on an agency's accepted bonus points, exact to 4 decimals; 0 (no bonus) when omitted. */
  bonusMaxPoints?: number | null;
  /** Cap on an agency's accepted penalty points, exact to 4 decimals; 0 (no penalty) when omitted. */
  penaltyMaxPoints?: number | null;
  areas: AreaInput[];
}

/**
 * Checks a criteria tree and states it fully: leaves get their method and appraiser (inherited from the
 * criterion or area above when omitted), inner nodes the sum of their leaves. Every error names the path of
 * the offending field, e.g. `areas[6].criteria[2].children[0].maxPoints`.
 */
export function normaliseFramework(input: FrameworkInput, isRegisteredAgency: (code: string) => boolean): Framework {
  const code = requireCode('code', input.code);
  const title = requireText('title', input.title);
  if (input.areas.length === 0) throw badInput('areas', 'a framework needs at least one area');
  const seen = new Set<string>();

  const claim = (field: string, value: string) => {
    if (seen.has(value)) throw badInput(field, `code "${value}" is used twice in this framework`);
    seen.add(value);
  };

  type AppraiserSource = { code: string; field: string } | null;
  const criterion = (path: string, node: CriterionInput, inherited: AppraiserSource): { def: CriterionDefinition; max: Points } => {
    const nodeCode = requireCriterionCode(`${path}.code`, node.code);
    claim(`${path}.code`, nodeCode);
    const nodeTitle = requireText(`${path}.title`, node.title);
    const appraiser: AppraiserSource = node.appraiserCode ? { code: node.appraiserCode, field: `${path}.appraiserCode` } : inherited;
    // A code written anywhere must name a registered agency, even where every leaf below overrides it.
    if (node.appraiserCode && !isRegisteredAgency(node.appraiserCode))
      throw badInput(`${path}.appraiserCode`, `agency ${node.appraiserCode} is not registered`);
    const children = node.children ?? [];

    if (children.length > 0) {
      if (node.method) throw badInput(`${path}.method`, 'is set on leaves only (this criterion has children)');
      const built = children.map((child, i) => criterion(`${path}.children[${i}]`, child, appraiser));
      const max = sumPoints(built.map((b) => b.max));
      if (node.maxPoints !== null && node.maxPoints !== undefined && toPoints(node.maxPoints) !== max) {
        throw badInput(`${path}.maxPoints`, `is ${node.maxPoints} but its children add up to ${fromPoints(max)}`);
      }
      return {
        def: { code: nodeCode, title: nodeTitle, maxPoints: fromPoints(max), method: null, appraiserCode: null, children: built.map((b) => b.def) },
        max,
      };
    }

    if (node.maxPoints === null || node.maxPoints === undefined) throw badInput(`${path}.maxPoints`, 'is required on a leaf criterion');
    const max = toPoints(node.maxPoints);
    if (max === null || max <= 0) throw badInput(`${path}.maxPoints`, `must be a positive number with at most 4 decimals, got ${node.maxPoints}`);
    const method: ScoringMethod = node.method ?? 'SELF_ASSESSED';
    let appraiserCode: string | null = null;
    if (method === 'SELF_ASSESSED') {
      if (!appraiser) throw badInput(`${path}.appraiserCode`, 'a self-assessed leaf needs an appraising agency (here or on its area)');
      if (!isRegisteredAgency(appraiser.code)) throw badInput(appraiser.field, `agency ${appraiser.code} is not registered`);
      appraiserCode = appraiser.code;
    } else if (node.appraiserCode) {
      throw badInput(`${path}.appraiserCode`, 'survey leaves are entered by the coordinator and have no appraiser');
    }
    return { def: { code: nodeCode, title: nodeTitle, maxPoints: fromPoints(max), method, appraiserCode, children: [] }, max };
  };

  let total = 0 as Points;
  const areas: AreaDefinition[] = input.areas.map((area, i) => {
    const path = `areas[${i}]`;
    const areaCode = requireCriterionCode(`${path}.code`, area.code);
    claim(`${path}.code`, areaCode);
    if (area.criteria.length === 0) throw badInput(`${path}.criteria`, 'an area needs at least one criterion');
    const areaAppraiser = area.appraiserCode ? { code: area.appraiserCode, field: `${path}.appraiserCode` } : null;
    if (areaAppraiser && !isRegisteredAgency(areaAppraiser.code)) throw badInput(areaAppraiser.field, `agency ${areaAppraiser.code} is not registered`);
    const built = area.criteria.map((c, j) => criterion(`${path}.criteria[${j}]`, c, areaAppraiser));
    const areaMax = sumPoints(built.map((b) => b.max));
    total = (total + areaMax) as Points;
    return { code: areaCode, title: requireText(`${path}.title`, area.title), maxPoints: fromPoints(areaMax), criteria: built.map((b) => b.def) };
  });

  return {
    code,
    title,
    group: input.group,
    sample: input.sample ?? false,
    methodology: optionalText('methodology', input.methodology, METHODOLOGY_CHARS),
    legalBasis: input.legalBasis ? requireLegalBasis('legalBasis', input.legalBasis) : null,
    maxPoints: fromPoints(total),
    bonusMaxPoints: fromPoints(adjustmentCap('bonusMaxPoints', input.bonusMaxPoints, total)),
    penaltyMaxPoints: fromPoints(adjustmentCap('penaltyMaxPoints', input.penaltyMaxPoints, total)),
    areas,
  };
}

/** A bonus or penalty cap: exact points from 0 up to the framework's own maximum; 0 when omitted. */
function adjustmentCap(field: string, value: number | null | undefined, frameworkMax: Points): Points {
  if (value === null || value === undefined) return 0 as Points;
  const cap = toPoints(value);
  if (cap === null || cap < 0) throw badInput(field, `must be 0 or a positive number with at most 4 decimals, got ${value}`);
  if (cap > frameworkMax) throw badInput(field, `must not exceed the framework's maximum of ${fromPoints(frameworkMax)} points, got ${value}`);
  return cap;
}
