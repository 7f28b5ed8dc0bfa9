import { Field, ObjectType } from 'type-graphql';
import { CalendarDateScalar } from './scalars';

@ObjectType({ description: 'The decision or resolution behind a fact (a criteria set issued, an agency renamed or merged).' })
export class LegalBasis {
  @Field({ description: 'Its number as printed, e.g. "1149/QĐ-BNV" or "01/NQ-HĐND".' })
  number!: string;

  @Field(() => CalendarDateScalar, { description: 'Its date.' })
  date!: string;

  @Field(() => String, { nullable: true, description: 'What it is about.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: 'Where it can be read (http or https).' })
  url!: string | null;
}
