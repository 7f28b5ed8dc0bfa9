import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType()
export class SelfScoreInput {
  @Field(() => ID)
  @MaxLength(40)
  criterionCode!: string;

  @Field(() => Float, { nullable: true, description: 'Omit when applicable is false.' })
  points?: number | null;

  @Field({ nullable: true, defaultValue: true })
  applicable?: boolean;

  @Field(() => String, { nullable: true, description: 'Explanation (giải trình): required without evidence, and for "not applicable".' })
  @MaxLength(4000)
  explanation?: string | null;

  @Field(() => [String], { nullable: true, description: 'Evidence references (tài liệu kiểm chứng): document numbers, links.' })
  @ArrayMaxSize(50)
  evidence?: string[] | null;
}

@InputType()
export class SubmitSelfAssessmentInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  agencyCode!: string;

  @Field(() => [SelfScoreInput], { description: 'Some or all leaves; a later submission revises the leaves it names.' })
  @ArrayMaxSize(500)
  scores!: SelfScoreInput[];
}
