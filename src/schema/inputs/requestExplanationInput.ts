import { Field, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({ description: 'A question to the agency about one leaf, between appraisal rounds 1 and 2.' })
export class RequestExplanationInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  criterionCode!: string;

  @Field({ description: `What the agency should explain. At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  question!: string;

  @Field(() => Date, {
    description: 'Until when the agency may answer (later with an EXPLANATION extension); round 2 of the leaf waits until the answer or this time.',
  })
  dueAt!: Date;
}
