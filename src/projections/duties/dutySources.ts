import type { ProjectionName } from '../allProjections';

/**
 * Where duties are kept: each area of the regulation (assignments, plans, reports, inspections, proposals, …) has a
 * projection of its own that writes its duties (src/domain/duty/duty.ts `Duty`, with an index on agencyCode) into a
 * collection of its own. `responsibilities` and `workload` read every collection listed here; a new area adds its row.
 */
export const DUTY_SOURCES: readonly { projection: ProjectionName; collection: string }[] = [
  // Reform proposals' appraisal, opinions and decision (Art. 6); remedial plans after accountability (Art. 16(6)).
  { projection: 'proposals', collection: 'duties' },
];
