import { participantOf } from '../cycle/cycle';
import { DomainError, badInput, forbidden, invalidState } from '../errors';
import type { Framework, Leaf } from '../framework/framework';
import { fromPoints, toPoints, type Points } from '../points';
import { requireCriterionCode } from '../validation';
import type { AssessmentState } from './assessment';
import type { AssessmentContext } from './assessmentDecider';

/** Rules every assessment command shares (the assessment decider and the explanation round). */

export function requirePoints(field: string, value: number | null | undefined, leaf: Leaf): Points {
  if (value === null || value === undefined) throw badInput(field, `is required for an applicable criterion (${leaf.code})`);
  const points = toPoints(value);
  if (points === null) throw badInput(field, `${value} is not a number with at most 4 decimals`);
  if (points < 0 || points > leaf.maxPoints) {
    throw badInput(field, `${value} is outside 0–${fromPoints(leaf.maxPoints)}, the range of criterion ${leaf.code}`);
  }
  return points;
}

export function requireNoDuplicates(items: { criterionCode: string }[]) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.criterionCode)) throw badInput(`scores[${i}].criterionCode`, `criterion ${item.criterionCode} is listed twice`);
    seen.add(item.criterionCode);
  });
}

export function findLeaf(field: string, code: string, framework: Framework, leaves: ReadonlyMap<string, Leaf>): Leaf {
  requireCriterionCode(field, code);
  const leaf = leaves.get(code);
  if (!leaf) throw badInput(field, `criterion ${code} is not a scored criterion of framework ${framework.code}`);
  return leaf;
}

export function requireParticipant(context: AssessmentContext) {
  const participant = participantOf(context.cycle, context.agencyCode);
  if (!participant) {
    throw new DomainError('NOT_FOUND', `agency ${context.agencyCode} is not assessed in the ${context.cycle.year} cycle`, 'agencyCode');
  }
  return participant;
}

export function requireNotFinalized(state: AssessmentState, context: AssessmentContext) {
  if (state.status === 'FINALIZED') {
    throw invalidState(`the ${context.cycle.year} assessment of ${context.agencyCode} is finalized; it no longer changes`);
  }
}

/** Who appraises the leaf of this assessment: the appraiser the coordinator named for it, else the framework's. */
export function appraiserOf(state: AssessmentState, leaf: Leaf): string | null {
  return state.appraisers?.[leaf.code] ?? leaf.appraiserCode;
}

/**
 * Only the leaf's appraising agency may appraise it or ask about it, and never on its own self-assessment: an
 * agency that appraises an area for its whole group (SNV, STP, …) is itself assessed, and a conflict of interest
 * is FORBIDDEN (the coordinator names another appraiser for those leaves, assignAppraiser, and only that one appraises them).
 */
export function requireLeafAppraiser(
  leaf: Leaf,
  appraiserAgency: string | null,
  context: AssessmentContext,
  state: AssessmentState,
  carries?: readonly string[],
): string {
  const appraiser = appraiserOf(state, leaf);
  // A unit merged into another (STTTT into SKHCN) hands it its appraisals in open cycles: the successor acts for
  // it, and the merged unit no longer does. Without lineage (`carries` not given) only the appraiser of record acts.
  const actsFor = appraiserAgency !== null && appraiser !== null && (carries ? carries.includes(appraiser) : appraiserAgency === appraiser);
  if (appraiserAgency !== null && appraiserAgency === appraiser && carries && !actsFor) {
    throw forbidden(`${appraiserAgency} was merged into another unit, which appraises its leaves now (criterion ${leaf.code} of ${context.agencyCode})`);
  }
  if (!actsFor) {
    throw forbidden(`criterion ${leaf.code} of ${context.agencyCode} is appraised by ${appraiser}, not by ${appraiserAgency ?? 'an appraiser without agency'}`);
  }
  if (appraiserAgency === context.agencyCode) {
    throw forbidden(
      `${context.agencyCode} may not appraise its own self-assessment (criterion ${leaf.code}): a conflict of interest; the coordinator names another appraiser (assignAppraiser)`,
    );
  }
  return appraiserAgency;
}
