import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType()
export class SurveyScoreInput {
  @Field(() => ID)
  @MaxLength(40)
  criterionCode!: string;

  @Field(() => Float, { description: 'Up to 4 decimals.' })
  points!: number;
}

@InputType()
export class RecordSurveyScoresInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  agencyCode!: string;

  @Field(() => [SurveyScoreInput])
  @ArrayMaxSize(200)
  scores!: SurveyScoreInput[];
}
