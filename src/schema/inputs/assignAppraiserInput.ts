import { Field, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems } from '../inputBounds';

@InputType({
  description:
    'Names another appraiser for some of an agency’s self-assessed criteria (conflicts of interest: an agency never appraises its own self-assessment); from then on only that appraiser appraises them.',
})
export class AssignAppraiserInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID, { description: 'The assessed agency.' })
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => [ID], { description: `The agency’s self-assessed leaves to reassign (at most ${B.frameworkLeaves}).` })
  @MaxItems(B.frameworkLeaves)
  @MaxCharsEach(B.codeChars)
  criterionCodes!: string[];

  @Field(() => ID, { description: 'The appraising agency named instead: a registered agency, not the assessed one.' })
  @MaxChars(B.codeChars)
  appraiserCode!: string;

  @Field({ description: `Why (kept in the audit trail). At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  reason!: string;
}
