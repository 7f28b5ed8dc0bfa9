import { Field, Float, ID, ObjectType } from 'type-graphql';
import { AgencyGroup, ScoringMethod } from './enums';
import { LegalBasis } from './legalBasisType';

@ObjectType({ description: 'A criterion (tiêu chí) or sub-criterion; only leaves (no children) carry points of their own.' })
class FrameworkCriterion {
  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;

  @Field(() => Float, { description: 'On a leaf its points; on an inner criterion the sum of its leaves.' })
  maxPoints!: number;

  @Field(() => ScoringMethod, { nullable: true, description: 'Set on leaves only.' })
  method!: ScoringMethod | null;

  @Field(() => ID, { nullable: true, description: 'The agency that appraises this self-assessed leaf.' })
  appraiserCode!: string | null;

  @Field(() => [FrameworkCriterion])
  children!: FrameworkCriterion[];
}

@ObjectType({ description: 'An area (lĩnh vực) of the criteria set.' })
class FrameworkArea {
  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;

  @Field(() => Float)
  maxPoints!: number;

  @Field(() => [FrameworkCriterion])
  criteria!: FrameworkCriterion[];
}

@ObjectType({ description: 'A published criteria set (bộ chỉ số) for one agency group. Never changes once published.' })
export class Framework {
  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field({ description: 'True for the example sets PAR Ledger ships: not an official criteria set.' })
  sample!: boolean;

  @Field(() => String, { nullable: true, description: 'How agencies are assessed under it: the national methodology it follows and how points are given.' })
  methodology!: string | null;

  @Field(() => LegalBasis, { nullable: true, description: 'The decision that issued it; null when none was recorded.' })
  legalBasis!: LegalBasis | null;

  @Field(() => Float)
  maxPoints!: number;

  @Field(() => Float, { description: 'Most accepted bonus points can add to an agency’s total; 0 when the framework allows none.' })
  bonusMaxPoints!: number;

  @Field(() => Float, { description: 'Most accepted penalty points can take from an agency’s total; 0 when the framework allows none.' })
  penaltyMaxPoints!: number;

  @Field(() => [FrameworkArea])
  areas!: FrameworkArea[];

  @Field(() => Date)
  publishedAt!: Date;
}
