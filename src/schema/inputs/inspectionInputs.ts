import { Field, ID, InputType, Int } from 'type-graphql';
import { FindingSeverity } from '../enums';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems, Nested } from '../inputBounds';
import { CalendarDateScalar } from '../scalars';

// The inputs of the inspection mutations (src/resolvers/inspectionResolver.ts, Art. 5).

@InputType()
class PlannedInspectionInput {
  @Field(() => ID, { description: 'Unique across years, e.g. "KT-2030-01".' })
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  targetAgencyCode!: string;

  @Field(() => ID, { description: 'A department plans only the inspections it leads; SNV any.' })
  @MaxChars(B.codeChars)
  leadAgencyCode!: string;

  @Field(() => [ID], { nullable: true })
  @MaxItems(B.cycleFrameworks)
  @MaxCharsEach(B.codeChars)
  coordinators?: string[] | null;

  @Field(() => Int, { description: '1–12: the inspection is due by the end of that month.' })
  plannedMonth!: number;

  @Field()
  @MaxChars(B.textChars)
  scope!: string;
}

@InputType()
export class IssueInspectionPlanInput {
  @Field(() => Int)
  year!: number;

  @Field(() => [PlannedInspectionInput])
  @MaxItems(B.cycleAgencies)
  @Nested()
  inspections!: PlannedInspectionInput[];
}

@InputType()
class FindingInput {
  @Field({ description: 'The PAR area, e.g. "Thủ tục hành chính".' })
  @MaxChars(B.nameChars)
  area!: string;

  @Field()
  @MaxChars(B.textChars * 2)
  text!: string;

  @Field(() => FindingSeverity)
  severity!: FindingSeverity;

  @Field(() => ID, { nullable: true, description: 'The index criterion the finding concerns, e.g. "3.2".' })
  @MaxChars(B.codeChars)
  criterionCode?: string | null;
}

@InputType()
export class RecordInspectionInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => CalendarDateScalar, { description: 'Not in the future.' })
  conductedOn!: Date;

  @Field(() => [FindingInput])
  @MaxItems(B.criteriaPerParent)
  @Nested()
  findings!: FindingInput[];

  @Field(() => String, { nullable: true })
  @MaxChars(B.textChars * 2)
  recommendations?: string | null;
}

@InputType()
export class ReportInspectionFollowUpInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field()
  @MaxChars(B.textChars * 2)
  text!: string;

  @Field({ description: 'Every finding dealt with: the follow-up duty is done.' })
  done!: boolean;
}
