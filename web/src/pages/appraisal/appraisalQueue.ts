import { compareVietnamese } from '../../format/vietnamese';
import { graphql } from '../../gql';
import type { AppraisalQueueQuery } from '../../gql/graphql';

export const APPRAISAL_QUEUE = graphql(`
  query AppraisalQueue($agencyCode: ID!, $year: Int!) {
    responsibilities(agencyCode: $agencyCode, year: $year) {
      cycles {
        year
        appraisalDeadline
        pendingAppraisals {
          agencyCode
          criterionCode
          deadline
          overdue
        }
        explanationsToDecide {
          agencyCode
          criterionCode
          effectiveDueAt
          answeredAt
          decidable
        }
      }
    }
    assessments(year: $year) {
      agency {
        code
        name
      }
      version
      status
      criteria {
        code
        title
        maxPoints
        selfPoints
        appraisedPoints
        notApplicableClaim
        explanation
        evidence
        appraiser {
          code
        }
        appraisals {
          round
          points
          comment
        }
        explanationRequests {
          question
          dueAt
          answeredAt
          text
          revisedPoints
        }
      }
    }
  }
`);

type AssessmentRow = AppraisalQueueQuery['assessments'][number];
export type Leaf = AssessmentRow['criteria'][number];

/** One appraised agency's leaves waiting for this appraiser in one round: one bulk command sends them. */
export interface AgencyQueue {
  agencyCode: string;
  agencyName: string;
  version: number;
  round: 1 | 2;
  leaves: Leaf[];
}

/** A leaf appraised in round 1, still open to an explanation request before round 2. */
export interface Questionable {
  agencyCode: string;
  agencyName: string;
  leaf: Leaf;
}

/**
 * The queue joins the appraiser's work list (which leaf of which agency, from `responsibilities`) with the
 * assessments it may read (titles, self points, evidence): the work list alone names the leaves by code only.
 */
export function appraisalQueues(data: AppraisalQueueQuery, appraiserCode: string): { queues: AgencyQueue[]; questionable: Questionable[] } {
  const cycle = data.responsibilities.cycles[0];
  const byAgency = new Map(data.assessments.map((a) => [a.agency.code, a]));
  const queues: AgencyQueue[] = [];
  const add = (round: 1 | 2, agencyCode: string, criterionCode: string) => {
    const assessment = byAgency.get(agencyCode);
    const leaf = assessment?.criteria.find((c) => c.code === criterionCode);
    if (!assessment || !leaf) return;
    let queue = queues.find((q) => q.agencyCode === agencyCode && q.round === round);
    if (!queue) {
      queue = { agencyCode, agencyName: assessment.agency.name, version: assessment.version, round, leaves: [] };
      queues.push(queue);
    }
    queue.leaves.push(leaf);
  };
  for (const p of cycle?.pendingAppraisals ?? []) add(1, p.agencyCode, p.criterionCode);
  for (const e of cycle?.explanationsToDecide ?? []) if (e.decidable) add(2, e.agencyCode, e.criterionCode);
  queues.sort((a, b) => compareVietnamese(a.agencyName, b.agencyName) || a.round - b.round);
  const questionable = data.assessments
    .filter((a) => a.status !== 'FINALIZED')
    .flatMap((a) =>
      a.criteria
        .filter((c) => c.appraiser?.code === appraiserCode && c.appraisals.some((r) => r.round === 1) && !c.appraisals.some((r) => r.round === 2))
        .filter((c) => !c.explanationRequests.some((r) => !r.answeredAt))
        .map((leaf) => ({ agencyCode: a.agency.code, agencyName: a.agency.name, leaf })),
    )
    .sort((a, b) => compareVietnamese(a.agencyName, b.agencyName));
  return { queues, questionable };
}
