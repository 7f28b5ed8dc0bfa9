import { Field, InputType, Int } from 'type-graphql';
import { AgencyGroup } from '../enums';
import { CalendarDateScalar } from '../scalars';
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

  @Field({ description: `The People's Committee's decision approving the ranking, e.g. "123/QĐ-UBND". At most ${B.decisionNumberChars} characters.` })
  @MaxChars(B.decisionNumberChars)
  decisionNumber!: string;

  @Field(() => CalendarDateScalar, { description: 'The decision’s date, a calendar date such as 2028-03-01.' })
  decisionDate!: Date;
}
