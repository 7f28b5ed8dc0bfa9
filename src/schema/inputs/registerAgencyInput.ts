import { Field, ID, InputType } from 'type-graphql';
import { AgencyGroup } from '../enums';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';
import { CalendarDateScalar } from '../scalars';

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

  @Field(() => ID, { nullable: true, description: 'The province-level jurisdiction; by default QNA (Quảng Nam).' })
  @MaxChars(B.codeChars)
  jurisdiction?: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The day the unit began; omitted: it existed before the register began.' })
  activeFrom?: Date | null;
}
