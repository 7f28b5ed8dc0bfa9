import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class FinalizeAssessmentInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  agencyCode!: string;
}
