import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AgencyGroup } from '../enums';

@InputType()
export class RegisterAgencyInput {
  @Field(() => ID, { description: 'Stable short code, e.g. "STP"; A–Z, 0–9, "_", "-", ".".' })
  @MaxLength(40)
  code!: string;

  @Field()
  @MaxLength(200)
  name!: string;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;
}
