import type { NewEvent } from '../envelope';
import type { AgencyGroup, ScoringMethod } from '../../domain/enums';
import type { LegalBasis } from '../../domain/legalBasis';

// The framework-<code> stream's events; their schema versions and the `event()` helper are in ../parEvents.ts.

export interface CriterionDefinition {
  code: string;
  title: string;
  /** On a leaf, the points it carries; on an inner node, the sum of its leaves. */
  maxPoints: number;
  /** Set on leaves only. */
  method: ScoringMethod | null;
  /** The agency that appraises a self-assessed leaf; null on survey leaves and inner nodes. */
  appraiserCode: string | null;
  children: CriterionDefinition[];
}

export interface AreaDefinition {
  code: string;
  title: string;
  /** The sum of the area's leaves. */
  maxPoints: number;
  criteria: CriterionDefinition[];
}

export type FrameworkPublished = NewEvent<
  'FrameworkPublished',
  {
    code: string;
    title: string;
    group: AgencyGroup;
    /** True for the frameworks PAR Ledger ships as examples: they are not an official criteria set. */
    sample: boolean;
    /** The methodology it follows, e.g. "QĐ 1149/QĐ-BNV: phương pháp đánh giá …"; free text. */
    methodology: string | null;
    /** The decision that issued it (number, date, title, address); null when not given (and before version 3). */
    legalBasis: LegalBasis | null;
    maxPoints: number;
    /** The most accepted bonus points (điểm thưởng) can add to an agency's total; 0 when the framework has none. */
    bonusMaxPoints: number;
    /** The most accepted penalty points (điểm trừ) can take from an agency's total; 0 when the framework has none. */
    penaltyMaxPoints: number;
    areas: AreaDefinition[];
  }
>;

export type FrameworkEvent = FrameworkPublished;
