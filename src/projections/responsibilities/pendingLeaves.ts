import { compareCodes, compareVietnamese } from '../../domain/vietnameseOrder';
import type { PendingLeaf } from '../../import/appraisalRows';
import type { CriterionView } from '../assessments/assessmentDocument';
import type { ReadModels } from '../readModels';

/** A pending leaf with what the appraiser reads before scoring it: the agency, the criterion and its self score. */
export interface PendingLeafView extends PendingLeaf {
  agencyName: string;
  criterion: CriterionView;
}

/**
 * The leaves `appraiserCode` still has to appraise in `year`, across agencies, as its `responsibilities` read model
 * lists them: round 1 for submitted leaves never appraised (pendingAppraisals), round 2 for leaves with an
 * explanation request and no round 2 yet (explanationsToDecide). Agencies by Vietnamese name, leaves in framework order.
 */
export async function pendingLeaves(read: ReadModels, year: number, appraiserCode: string): Promise<PendingLeafView[]> {
  const [doc] = await read.responsibilities(appraiserCode, year);
  if (!doc) return [];
  const wanted = new Map<string, Map<string, 1 | 2>>();
  const want = (agencyCode: string, criterionCode: string, round: 1 | 2) =>
    wanted.set(agencyCode, (wanted.get(agencyCode) ?? new Map<string, 1 | 2>()).set(criterionCode, round));
  for (const p of doc.pendingAppraisals) want(p.agencyCode, p.criterionCode, 1);
  for (const e of doc.explanationsToDecide ?? []) want(e.agencyCode, e.criterionCode, 2);
  const agencies = await Promise.all(
    [...wanted].map(async ([agencyCode, leaves]) => {
      const assessment = await read.assessment(year, agencyCode);
      const rows: PendingLeafView[] = (assessment?.criteria ?? [])
        .filter((c) => leaves.has(c.code))
        .map((criterion) => ({
          agencyCode,
          agencyName: assessment?.agencyName ?? agencyCode,
          criterionCode: criterion.code,
          round: leaves.get(criterion.code) as 1 | 2,
          maxPoints: criterion.maxPoints,
          claimedNotApplicable: criterion.notApplicableClaim !== null,
          criterion,
        }));
      return { agencyCode, name: assessment?.agencyName ?? agencyCode, rows };
    }),
  );
  agencies.sort((a, b) => compareVietnamese(a.name, b.name) || compareCodes(a.agencyCode, b.agencyCode));
  return agencies.flatMap((a) => a.rows);
}
