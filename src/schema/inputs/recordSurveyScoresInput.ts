import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars, MaxItems, Nested } from '../inputBounds';

@InputType()
class SurveyScoreInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  criterionCode!: string;

  @Field(() => Float, { description: 'Up to 4 decimals.' })
  points!: number;
}

@InputType()
export class RecordSurveyScoresInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => [SurveyScoreInput])
  @MaxItems(B.frameworkLeaves)
  @Nested()
  scores!: SurveyScoreInput[];

  @Field(() => ID, { nullable: true, description: 'The survey the scores come from: one recorded that year for the agency’s group (recordSurvey).' })
  @MaxChars(B.codeChars)
  surveyCode?: string | null;
}
