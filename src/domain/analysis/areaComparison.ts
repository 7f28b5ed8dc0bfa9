import type { AssessmentStatus, NotCountedReason } from '../enums';
import { compareCodes, compareVietnamese } from '../vietnameseOrder';
import { spreadOf, type Spread } from './areaStatistics';

/** One area of one agency's assessment as scored: points over the applicable maximum; no index when nothing applies. */
interface AreaScore {
  code: string;
  points: number;
  maxPoints: number;
  indexPercent: number | null;
}

export interface AssessedAgency {
  agencyCode: string;
  agencyName: string;
  status: AssessmentStatus;
  indexPercent: number | null;
  areas: readonly AreaScore[];
}

interface AreaOfFramework {
  code: string;
  title: string;
  maxPoints: number;
}

interface AreaComparison {
  areas: (AreaOfFramework & Spread & { notApplicable: number })[];
  rows: AssessedAgency[];
  notCounted: { agencyCode: string; agencyName: string; status: AssessmentStatus | null; reason: NotCountedReason }[];
}

/**
 * The group's area sub-indices side by side, and their spread per area. Counted are the assessments a ranking
 * would count: finalised and not excluded from the ranking; every other participant is listed with the reason, so
 * a comparison made mid-year says it is partial. Rows and the list are in Vietnamese name order (ties by code).
 */
export function compareAreas(
  frameworkAreas: readonly AreaOfFramework[],
  participants: readonly { code: string; name: string }[],
  assessments: readonly AssessedAgency[],
  excluded: ReadonlySet<string>,
): AreaComparison {
  const byName = (a: { name: string; code: string }, b: { name: string; code: string }) => compareVietnamese(a.name, b.name) || compareCodes(a.code, b.code);
  const assessed = new Map(assessments.map((a) => [a.agencyCode, a]));
  const rows: AssessedAgency[] = [];
  const notCounted: AreaComparison['notCounted'] = [];
  for (const participant of [...participants].sort(byName)) {
    const assessment = assessed.get(participant.code);
    const base = { agencyCode: participant.code, agencyName: assessment?.agencyName ?? participant.name };
    if (excluded.has(participant.code)) notCounted.push({ ...base, status: assessment?.status ?? null, reason: 'EXCLUDED_FROM_RANKING' });
    else if (!assessment) notCounted.push({ ...base, status: null, reason: 'NOT_ASSESSED' });
    else if (assessment.status !== 'FINALIZED') notCounted.push({ ...base, status: assessment.status, reason: 'NOT_FINALIZED' });
    else rows.push(assessment);
  }
  const areas = frameworkAreas.map((area) => {
    const indices = rows.map((row) => row.areas.find((a) => a.code === area.code)?.indexPercent ?? null);
    return { code: area.code, title: area.title, maxPoints: area.maxPoints, ...spreadOf(indices), notApplicable: indices.filter((i) => i === null).length };
  });
  return { areas, rows, notCounted };
}
