import { Field, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({
  description: 'The agency’s officer complains about a criterion’s published result, within PAR_COMPLAINT_DAYS (15 by default) of the publication.',
})
export class LodgeComplaintInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => ID, { description: 'An area, criterion or leaf code of the agency’s framework.' })
  @MaxChars(B.codeChars)
  criterionCode!: string;

  @Field({ description: `What is wrong and why. At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  text!: string;
}
