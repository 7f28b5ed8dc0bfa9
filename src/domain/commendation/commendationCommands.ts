import type { AgencyGroup } from '../enums';
import type { PublishedRankings } from './publishedRankings';

/**
 * A commendation or accountability proposal as the decider sees it: the handler loads the year's published
 * rankings and the agency's current group (null when the code is not registered).
 */
export type ProposeRanked = {
  type: 'ProposeCommendation' | 'ProposeAccountability';
  year: number;
  agencyCode: string;
  reason: string;
  basis: string;
  now: Date;
  rankings: PublishedRankings;
  agencyGroup: AgencyGroup | null;
};

export type SubmitRemedialPlan = {
  type: 'SubmitRemedialPlan';
  year: number;
  agencyCode: string;
  weakCriteria: string[];
  actions: { text: string; dueAt?: Date | string | null }[];
  dueAt: Date | string;
  now: Date;
};

export type CommendationCommand = ProposeRanked | SubmitRemedialPlan;
