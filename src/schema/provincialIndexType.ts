import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'One criterion of the province’s self-assessment: who provides it, by when, what was provided.' })
class ProvincialCriterionData {
  @Field(() => ID)
  criterionCode!: string;

  @Field(() => ID)
  agencyCode!: string;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => Float, { nullable: true })
  value!: number | null;

  @Field(() => [String])
  evidence!: string[];

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Date, { nullable: true })
  providedAt!: Date | null;
}

@ObjectType({ simpleResolvers: true })
class NationalResult {
  @Field(() => Float)
  indexPercent!: number;

  @Field(() => Int)
  rank!: number;

  @Field(() => Int)
  ofProvinces!: number;

  @Field()
  decisionNumber!: string;
}

@ObjectType({ description: 'The province’s own PAR Index assessment of a year (Decision 2824, Art. 7), and what the ministry published.' })
export class ProvincialAssessment {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  frameworkCode!: string;

  @Field(() => [ProvincialCriterionData])
  criteria!: ProvincialCriterionData[];

  @Field(() => Date, { nullable: true })
  compiledAt!: Date | null;

  @Field(() => [ID], { description: 'Criteria asked for that no department provided by the compilation.' })
  missing!: string[];

  @Field(() => NationalResult, { nullable: true })
  nationalResult!: NationalResult | null;
}
