import { Field, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems, Nested } from '../inputBounds';
import { DateTimeScalar } from '../scalars';

// The inputs of commendation, accountability and remedial plans (Art. 16(6); src/resolvers/commendationResolver.ts).

@InputType({ description: 'The input of proposeCommendation and proposeAccountability.' })
abstract class RankedProposalInput {
  @Field(() => Int, { description: 'The year of the published ranking the proposal rests on.' })
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field()
  @MaxChars(4000)
  reason!: string;

  @Field({ description: 'What it rests on, e.g. the decision publishing the ranking.' })
  @MaxChars(1000)
  basis!: string;
}

@InputType()
export class ProposeCommendationInput extends RankedProposalInput {}

@InputType()
export class ProposeAccountabilityInput extends RankedProposalInput {}

@InputType()
class RemedialActionInput {
  @Field()
  @MaxChars(4000)
  text!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'By when this action is done; later than now.' })
  dueAt?: Date | null;
}

@InputType()
export class SubmitRemedialPlanInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID, { description: 'The agency held accountable: the officer’s own.' })
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => [String], { description: 'The criteria (codes, e.g. "2.1") the plan improves.' })
  @MaxItems(200)
  @MaxCharsEach(B.codeChars)
  weakCriteria!: string[];

  @Field(() => [RemedialActionInput])
  @MaxItems(200)
  @Nested()
  actions!: RemedialActionInput[];

  @Field(() => DateTimeScalar, { description: 'By when the plan is carried out; later than now.' })
  dueAt!: Date;
}
