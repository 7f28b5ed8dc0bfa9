import { Field, ID, InputType } from 'type-graphql';
import { AgencyGroup } from '../enums';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType()
export class RegisterAgencyInput {
  @Field(() => ID, { description: 'Stable short code, e.g. "STP"; A–Z, 0–9, "_", "-", ".".' })
  @MaxChars(B.codeChars)
  code!: string;

  @Field()
  @MaxChars(B.nameChars)
  name!: string;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;
}
