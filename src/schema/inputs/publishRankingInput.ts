import { Field, InputType, Int } from 'type-graphql';
import { AgencyGroup } from '../enums';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType()
export class PublishRankingInput {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => String, { nullable: true, description: `Required to republish an already published ranking. At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  reason?: string | null;
}
