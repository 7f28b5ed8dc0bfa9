import { Field, ObjectType } from 'type-graphql';
import { CalendarDateScalar } from './scalars';

@ObjectType({ simpleResolvers: true, description: 'The decision or resolution a change rests on.' })
export class LegalBasis {
  @Field({ description: 'Its number and symbol as printed, e.g. "01/NQ-HĐND".' })
  number!: string;

  @Field(() => CalendarDateScalar)
  date!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;
}
