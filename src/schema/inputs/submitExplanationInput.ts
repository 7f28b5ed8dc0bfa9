import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems } from '../inputBounds';

@InputType({ description: 'The agency’s answer (giải trình) to the open explanation request on one leaf.' })
export class SubmitExplanationInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  criterionCode!: string;

  @Field({ description: `At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  text!: string;

  @Field(() => [String], { nullable: true, description: `Evidence references: at most ${B.evidenceItems}, each at most ${B.evidenceChars} characters.` })
  @MaxItems(B.evidenceItems)
  @MaxCharsEach(B.evidenceChars)
  evidence?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'The points the agency now claims for the leaf, if it revises them (0 to the leaf’s maximum).' })
  revisedPoints?: number | null;
}
