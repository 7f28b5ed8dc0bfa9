import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ReportingPeriod, TaskProgressStatus } from '../enums';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems, Nested } from '../inputBounds';

// The inputs of the reporting mutations (src/resolvers/reportingResolver.ts, Art. 4 and 17(3)).

@InputType()
export class ScheduleReportingInput {
  @Field(() => ReportingPeriod)
  period!: ReportingPeriod;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true, description: '1–4, for a QUARTER round only.' })
  quarter?: number | null;

  @Field(() => ID, { nullable: true, description: 'For an AD_HOC round only (required there): its id is BC-<year>-<code>.' })
  @MaxChars(B.codeChars)
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'By default named after the period, e.g. "Báo cáo CCHC quý 1 năm 2030".' })
  @MaxChars(B.nameChars)
  title?: string | null;

  @Field(() => Date, { description: 'In the future. Reports after it are accepted and recorded late.' })
  dueAt!: Date;

  @Field(() => [ID], { description: 'The agencies that report (registered and active).' })
  @MaxItems(B.cycleAgencies)
  @MaxCharsEach(B.codeChars)
  agencyCodes!: string[];
}

@InputType()
class TaskProgressInput {
  @Field(() => ID, { description: 'The plan task reported on.' })
  @MaxChars(B.codeChars)
  taskCode!: string;

  @Field(() => TaskProgressStatus)
  status!: TaskProgressStatus;

  @Field(() => Float, { description: '0–100.' })
  percent!: number;

  @Field(() => String, { nullable: true })
  @MaxChars(B.textChars)
  note?: string | null;
}

@InputType()
export class SubmitProgressReportInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  reportingId!: string;

  @Field(() => ID, { description: 'The officer’s own agency, one the round asks.' })
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => [TaskProgressInput])
  @MaxItems(B.criteriaPerParent)
  @Nested()
  progress!: TaskProgressInput[];

  @Field(() => String, { nullable: true })
  @MaxChars(B.textChars)
  difficulties?: string | null;

  @Field(() => String, { nullable: true })
  @MaxChars(B.textChars)
  proposals?: string | null;

  @Field(() => [String], { nullable: true, description: 'References or links to the report’s files.' })
  @MaxItems(B.evidenceItems)
  @MaxCharsEach(B.evidenceChars)
  attachments?: string[] | null;
}

@InputType()
export class CompileProvincialReportInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  reportingId!: string;

  @Field()
  @MaxChars(B.textChars * 4)
  summary!: string;
}

@InputType()
export class ReportRegulationIssueInput {
  @Field({ description: 'The difficulty met with the regulation.' })
  @MaxChars(B.textChars * 2)
  text!: string;

  @Field(() => String, { nullable: true, description: 'The amendment proposed.' })
  @MaxChars(B.textChars * 2)
  proposal?: string | null;
}
