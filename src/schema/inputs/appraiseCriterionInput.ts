import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType()
export class AppraiseCriterionInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  criterionCode!: string;

  @Field(() => Float, { nullable: true, description: 'Omit when applicable is false.' })
  points?: number | null;

  @Field(() => String, { nullable: true, description: `At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  comment?: string | null;

  @Field(() => Int, { description: '1 or 2; appraising a round again corrects it (AppraisalCorrected).' })
  round!: number;

  @Field({
    nullable: true,
    defaultValue: true,
    description:
      'False when the appraiser judges the criterion not applicable (give a comment); on a leaf the agency claimed not applicable, false confirms the claim (comment optional) and points reject it.',
  })
  applicable?: boolean;
}
