import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { AgencyGroup, ScoringMethod } from '../enums';

@InputType({ description: 'A criterion; give maxPoints on leaves (no children). Inner maxPoints, if given, must equal the sum.' })
export class CriterionInput {
  @Field(() => ID)
  @MaxLength(40)
  code!: string;

  @Field()
  @MaxLength(500)
  title!: string;

  @Field(() => Float, { nullable: true })
  maxPoints?: number | null;

  @Field(() => ScoringMethod, { nullable: true, description: 'Leaves only; SELF_ASSESSED by default.' })
  method?: ScoringMethod | null;

  @Field(() => ID, { nullable: true, description: 'Appraising agency; inherited by the children when set on an inner criterion.' })
  appraiserCode?: string | null;

  @Field(() => [CriterionInput], { nullable: true })
  @ArrayMaxSize(100)
  children?: CriterionInput[] | null;
}

@InputType()
export class AreaInput {
  @Field(() => ID)
  @MaxLength(40)
  code!: string;

  @Field()
  @MaxLength(500)
  title!: string;

  @Field(() => ID, { nullable: true, description: 'Default appraising agency for the area’s self-assessed leaves.' })
  appraiserCode?: string | null;

  @Field(() => [CriterionInput])
  @ArrayMaxSize(100)
  criteria!: CriterionInput[];
}

@InputType()
export class PublishFrameworkInput {
  @Field(() => ID, { description: 'Identifies this version of the criteria set; a new version gets a new code.' })
  @MaxLength(40)
  code!: string;

  @Field()
  @MaxLength(500)
  title!: string;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field({ nullable: true, description: 'Marks an example set that is not an official criteria set.' })
  sample?: boolean;

  @Field(() => String, { nullable: true, description: 'The methodology followed, e.g. "QĐ 876/QĐ-BNV".' })
  @MaxLength(200)
  methodology?: string | null;

  @Field(() => [AreaInput])
  @ArrayMaxSize(30)
  areas!: AreaInput[];
}
