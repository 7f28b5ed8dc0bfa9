import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars, MaxItems, Nested } from '../inputBounds';

@InputType({ description: 'One leaf of a bulk appraisal, validated as appraiseCriterion validates it.' })
class AppraisalItemInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  criterionCode!: string;

  @Field(() => Float, { nullable: true, description: 'Omit when applicable is false.' })
  points?: number | null;

  @Field({ nullable: true, defaultValue: true, description: 'False judges the leaf not applicable (or confirms the agency’s claim).' })
  applicable?: boolean;

  @Field(() => String, { nullable: true, description: `At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  comment?: string | null;
}

@InputType({ description: 'Many leaves of one agency in one round, all or nothing: a refused item refuses the whole command, naming it (items[i]).' })
export class AppraiseCriteriaInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => Int, { description: '1 or 2; appraising a round again corrects it (AppraisalCorrected).' })
  round!: number;

  @Field(() => [AppraisalItemInput], { description: `At most ${B.frameworkLeaves} leaves, each once.` })
  @MaxItems(B.frameworkLeaves)
  @Nested()
  items!: AppraisalItemInput[];
}
