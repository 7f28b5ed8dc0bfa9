import { Field, ID, InputType } from 'type-graphql';
import { AgencyGroup } from '../enums';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems, Nested } from '../inputBounds';
import { CalendarDateScalar } from '../scalars';
import { LegalBasisInput } from './legalBasisInput';

// The inputs of the reorganisation mutations (src/resolvers/lineageResolver.ts): each names the day the change takes
// effect and the decision it rests on.

@InputType()
abstract class ChangeInput {
  @Field(() => CalendarDateScalar, { description: 'The first day the change is in force; what ends, ends the day before.' })
  effectiveFrom!: Date;

  @Field(() => LegalBasisInput)
  @Nested()
  legalBasis!: LegalBasisInput;
}

@InputType()
export class RenameAgencyInput extends ChangeInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field({ description: 'The new official name, with diacritics.' })
  @MaxChars(B.nameChars)
  name!: string;
}

@InputType({ description: 'The unit a merger or split leads into: an existing code, or a new code with its name and group.' })
class LineageTargetInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => String, { nullable: true, description: 'Required for a new unit; for an existing one, omit it or give its current name.' })
  @MaxChars(B.nameChars)
  name?: string | null;

  @Field(() => AgencyGroup, { nullable: true, description: 'Required for a new unit.' })
  group?: AgencyGroup | null;

  @Field(() => ID, { nullable: true, description: 'For a new unit: by default the jurisdiction of the units it comes from.' })
  @MaxChars(B.codeChars)
  jurisdiction?: string | null;
}

@InputType()
export class MergeAgenciesInput extends ChangeInput {
  @Field(() => [ID], { description: 'The units that end, merged into `into`.' })
  @MaxItems(B.cycleAgencies)
  @MaxCharsEach(B.codeChars)
  sourceCodes!: string[];

  @Field(() => LineageTargetInput)
  @Nested()
  into!: LineageTargetInput;
}

@InputType()
export class SplitAgencyInput extends ChangeInput {
  @Field(() => ID, { description: 'The unit that ends, split into `into`.' })
  @MaxChars(B.codeChars)
  sourceCode!: string;

  @Field(() => [LineageTargetInput])
  @MaxItems(B.cycleAgencies)
  @Nested()
  into!: LineageTargetInput[];
}

@InputType()
export class DissolveAgencyInput extends ChangeInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => String, { nullable: true })
  @MaxChars(B.textChars)
  reason?: string | null;
}

@InputType()
export class MoveAgencyInput extends ChangeInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => AgencyGroup, { nullable: true, description: 'The ranking group it moves to.' })
  group?: AgencyGroup | null;

  @Field(() => ID, { nullable: true, description: 'The jurisdiction it moves to.' })
  @MaxChars(B.codeChars)
  jurisdiction?: string | null;
}

@InputType()
export class RegisterJurisdictionInput {
  @Field(() => ID, { description: 'e.g. "QNA", "DNG".' })
  @MaxChars(B.codeChars)
  code!: string;

  @Field({ description: 'e.g. "Tỉnh Quảng Nam".' })
  @MaxChars(B.nameChars)
  name!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The day it began; omitted: before the register began.' })
  activeFrom?: Date | null;
}

@InputType({ description: 'The jurisdiction merged into: an existing code, or a new one with its name.' })
class JurisdictionTargetInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => String, { nullable: true })
  @MaxChars(B.nameChars)
  name?: string | null;
}

@InputType()
export class MergeJurisdictionsInput extends ChangeInput {
  @Field(() => [ID])
  @MaxItems(B.cycleFrameworks)
  @MaxCharsEach(B.codeChars)
  sourceCodes!: string[];

  @Field(() => JurisdictionTargetInput)
  @Nested()
  into!: JurisdictionTargetInput;
}
