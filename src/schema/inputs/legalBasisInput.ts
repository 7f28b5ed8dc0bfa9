import { Field, InputType } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';
import { CalendarDateScalar } from '../scalars';

@InputType({ description: 'The decision or resolution a change rests on.' })
export class LegalBasisInput {
  @Field({ description: 'Its number and symbol as printed, e.g. "1241/NQ-UBTVQH15".' })
  @MaxChars(B.decisionNumberChars)
  number!: string;

  @Field(() => CalendarDateScalar, { description: 'Its date, e.g. 2024-10-24.' })
  date!: Date;

  @Field(() => String, { nullable: true, description: 'Its title or subject.' })
  @MaxChars(B.nameChars)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Where its text (or a report of it) can be read.' })
  @MaxChars(B.textChars)
  url?: string | null;
}
