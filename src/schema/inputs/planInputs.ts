import { Field, ID, InputType, Int } from 'type-graphql';
import { PlanKind } from '../enums';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems, Nested } from '../inputBounds';
import { CalendarDateScalar } from '../scalars';
import { LegalBasisInput } from './legalBasisInput';

// The inputs of the plan mutations (src/resolvers/planResolver.ts), Art. 3 of Decision 2824/QĐ-UBND.

@InputType({ description: 'One task of a plan: exactly one lead agency (chủ trì), the coordinating agencies (phối hợp), a deadline.' })
class PlanTaskInput {
  @Field(() => ID, { description: 'Unique within the plan, e.g. "NV-01".' })
  @MaxChars(B.codeChars)
  code!: string;

  @Field({ description: `At most ${B.nameChars} characters.` })
  @MaxChars(B.nameChars)
  title!: string;

  @Field(() => ID, { description: 'The lead agency’s code.' })
  @MaxChars(B.codeChars)
  lead!: string;

  @Field(() => [ID], { nullable: true, description: 'The coordinating agencies’ codes (not the lead).' })
  @MaxItems(B.cycleAgencies)
  @MaxCharsEach(B.codeChars)
  coordinators?: string[] | null;

  @Field(() => Date, { description: 'Until when the task is to be done; must lie ahead.' })
  dueAt!: Date;
}

@InputType({ description: 'A draft plan or programme by SNV (Art. 3(1)(a)).' })
export class DraftPlanInput {
  @Field(() => ID, { description: 'The plan’s code, e.g. "KH-CCHC-2030": the planCode of every other plan mutation.' })
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => PlanKind)
  kind!: PlanKind;

  @Field(() => Int, { description: 'The year it covers (the first year of a five-year plan or programme).' })
  year!: number;

  @Field({ description: `With diacritics, e.g. "Kế hoạch cải cách hành chính năm 2030". At most ${B.nameChars} characters.` })
  @MaxChars(B.nameChars)
  title!: string;

  @Field(() => [PlanTaskInput])
  @MaxItems(B.planTasks)
  @Nested()
  tasks!: PlanTaskInput[];
}

@InputType({ description: 'SNV asks departments to comment on the draft by a deadline (Art. 3(2)).' })
export class RequestPlanCommentsInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  planCode!: string;

  @Field(() => [ID])
  @MaxItems(B.cycleAgencies)
  @MaxCharsEach(B.codeChars)
  agencyCodes!: string[];

  @Field(() => Date, { description: 'Until when the comments are due; must lie ahead.' })
  dueAt!: Date;
}

@InputType({ description: 'An asked department’s comment on the draft; taken until the plan is adopted (late ones show late).' })
export class SubmitPlanCommentInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  planCode!: string;

  @Field(() => ID, { description: 'The commenting agency: the officer’s own.' })
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field({ description: `At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  text!: string;
}

@InputType({ description: 'A department tells SNV of a higher-level change affecting the plan’s PAR tasks (Art. 3(2)).' })
export class NotifyHigherLevelChangeInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  planCode!: string;

  @Field({ description: `What changed and how it affects the plan. At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  text!: string;

  @Field(() => LegalBasisInput, { description: 'The higher-level instrument that changed.' })
  @Nested()
  legalBasis!: LegalBasisInput;
}

@InputType({ description: 'The People’s Committee’s decision issuing the plan.' })
export class AdoptPlanInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  planCode!: string;

  @Field({ description: 'As printed, e.g. "125/QĐ-UBND".' })
  @MaxChars(B.decisionNumberChars)
  decisionNumber!: string;

  @Field(() => CalendarDateScalar)
  decisionDate!: Date;
}

@InputType({ description: 'An amendment of an adopted plan (Art. 3(1)(b)): tasks changed (an existing code) or added, with the reason and decision.' })
export class AmendPlanInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  planCode!: string;

  @Field({ description: `Why, e.g. the higher-level change notified. At most ${B.textChars} characters.` })
  @MaxChars(B.textChars)
  reason!: string;

  @Field({ description: 'The decision amending the plan, as printed.' })
  @MaxChars(B.decisionNumberChars)
  decisionNumber!: string;

  @Field(() => CalendarDateScalar)
  decisionDate!: Date;

  @Field(() => [PlanTaskInput], { description: 'Each task as it stands after the amendment.' })
  @MaxItems(B.planTasks)
  @Nested()
  tasks!: PlanTaskInput[];
}
