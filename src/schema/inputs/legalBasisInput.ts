import { Field, InputType } from 'type-graphql';
import { LEGAL_BASIS_LIMITS as L } from '../../domain/legalBasis';
import { MaxChars } from '../inputBounds';
import { CalendarDateScalar } from '../scalars';

@InputType({ description: 'A decision or resolution: its number and date are required, its title and address optional.' })
export class LegalBasisInput {
  @Field({ description: `As printed, e.g. "1149/QĐ-BNV". At most ${L.numberChars} characters.` })
  @MaxChars(L.numberChars)
  number!: string;

  @Field(() => CalendarDateScalar, { description: 'A calendar date such as 2020-12-30.' })
  date!: Date;

  @Field(() => String, { nullable: true, description: `At most ${L.titleChars} characters.` })
  @MaxChars(L.titleChars)
  title?: string | null;

  @Field(() => String, { nullable: true, description: `An http(s) address, at most ${L.urlChars} characters.` })
  @MaxChars(L.urlChars)
  url?: string | null;
}
