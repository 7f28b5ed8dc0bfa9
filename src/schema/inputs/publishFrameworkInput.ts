import { Field, Float, ID, InputType } from 'type-graphql';
import { AgencyGroup, ScoringMethod } from '../enums';
import { INPUT_BOUNDS as B, MaxChars, MaxItems, Nested } from '../inputBounds';
import { BoundedCriteriaTree } from './criteriaTree';
import { LegalBasisInput } from './legalBasisInput';

@InputType({ description: 'A criterion; give maxPoints on leaves (no children). Inner maxPoints, if given, must equal the sum.' })
class CriterionInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field()
  @MaxChars(B.nameChars)
  title!: string;

  @Field(() => Float, { nullable: true })
  maxPoints?: number | null;

  @Field(() => ScoringMethod, { nullable: true, description: 'Leaves only; SELF_ASSESSED by default.' })
  method?: ScoringMethod | null;

  @Field(() => ID, { nullable: true, description: 'Appraising agency; inherited by the children when set on an inner criterion.' })
  @MaxChars(B.codeChars)
  appraiserCode?: string | null;

  @Field(() => [CriterionInput], { nullable: true })
  @MaxItems(B.criteriaPerParent)
  @Nested()
  children?: CriterionInput[] | null;
}

@InputType()
class AreaInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field()
  @MaxChars(B.nameChars)
  title!: string;

  @Field(() => ID, { nullable: true, description: 'Default appraising agency for the area’s self-assessed leaves.' })
  @MaxChars(B.codeChars)
  appraiserCode?: string | null;

  @Field(() => [CriterionInput])
  @MaxItems(B.criteriaPerParent)
  @Nested()
  criteria!: CriterionInput[];
}

@InputType({
  description: `At most ${B.frameworkAreas} areas, ${B.criteriaPerParent} criteria per area or parent, ${B.criteriaDepth} levels of criteria, ${B.frameworkCriteria} criteria and ${B.frameworkLeaves} leaves in all.`,
})
export class PublishFrameworkInput {
  @Field(() => ID, { description: 'Identifies this version of the criteria set; a new version gets a new code.' })
  @MaxChars(B.codeChars)
  code!: string;

  @Field()
  @MaxChars(B.nameChars)
  title!: string;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field({ nullable: true, description: 'Marks an example set that is not an official criteria set.' })
  sample?: boolean;

  @Field(() => String, {
    nullable: true,
    description: `How agencies are assessed under it, e.g. "QĐ 1149/QĐ-BNV: phương pháp đánh giá …". At most ${B.methodologyChars} characters.`,
  })
  @MaxChars(B.methodologyChars)
  methodology?: string | null;

  @Field(() => LegalBasisInput, { nullable: true, description: 'The decision that issued this criteria set.' })
  @Nested()
  legalBasis?: LegalBasisInput | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Most accepted bonus points (điểm thưởng) can add to an agency’s total: 0 to the framework’s maximum, up to 4 decimals; 0 when omitted.',
  })
  bonusMaxPoints?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Most accepted penalty points (điểm trừ) can take from an agency’s total: 0 to the framework’s maximum, up to 4 decimals; 0 when omitted.',
  })
  penaltyMaxPoints?: number | null;

  @Field(() => [AreaInput])
  @MaxItems(B.frameworkAreas)
  @Nested()
  @BoundedCriteriaTree()
  areas!: AreaInput[];
}
