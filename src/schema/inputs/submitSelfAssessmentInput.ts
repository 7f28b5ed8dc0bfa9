import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems, Nested } from '../inputBounds';

@InputType()
class SelfScoreInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  criterionCode!: string;

  @Field(() => Float, { nullable: true, description: 'Omit when applicable is false.' })
  points?: number | null;

  @Field({ nullable: true, defaultValue: true })
  applicable?: boolean;

  @Field(() => String, {
    nullable: true,
    description: `Explanation (giải trình): required without evidence, and for "not applicable". At most ${B.textChars} characters.`,
  })
  @MaxChars(B.textChars)
  explanation?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: `Evidence references (tài liệu kiểm chứng): document numbers, links. At most ${B.evidenceItems}, each at most ${B.evidenceChars} characters.`,
  })
  @MaxItems(B.evidenceItems)
  @MaxCharsEach(B.evidenceChars)
  evidence?: string[] | null;
}

@InputType()
export class SubmitSelfAssessmentInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => [SelfScoreInput], { description: 'Some or all leaves; a later submission revises the leaves it names.' })
  @MaxItems(B.frameworkLeaves)
  @Nested()
  scores!: SelfScoreInput[];
}
