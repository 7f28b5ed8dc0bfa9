import { MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { AgencyGroup } from '../enums';

@InputType()
export class PublishRankingInput {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => String, { nullable: true, description: 'Required to republish an already published ranking.' })
  @MaxLength(1000)
  reason?: string | null;
}
