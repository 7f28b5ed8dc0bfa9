import { MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType()
export class AppraiseCriterionInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  agencyCode!: string;

  @Field(() => ID)
  criterionCode!: string;

  @Field(() => Float, { nullable: true, description: 'Omit when applicable is false.' })
  points?: number | null;

  @Field(() => String, { nullable: true })
  @MaxLength(4000)
  comment?: string | null;

  @Field(() => Int, { description: '1 or 2; appraising a round again corrects it (AppraisalCorrected).' })
  round!: number;

  @Field({ nullable: true, defaultValue: true, description: 'False when the appraiser judges the criterion not applicable (give a comment).' })
  applicable?: boolean;
}
