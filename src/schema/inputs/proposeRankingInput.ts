import { Field, InputType, Int } from 'type-graphql';
import { AgencyGroup } from '../enums';

@InputType()
export class ProposeRankingInput {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;
}
