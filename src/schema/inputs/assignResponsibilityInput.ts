import { Field, ID, InputType } from 'type-graphql';
import { TaskKind } from '../enums';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems } from '../inputBounds';
import { CalendarDateScalar } from '../scalars';

@InputType({ description: 'A standing responsibility of Decision 2824: who leads a kind of work, who coordinates, on what clause.' })
export class AssignResponsibilityInput {
  @Field(() => TaskKind)
  taskKind!: TaskKind;

  @Field(() => ID, { description: 'The agency that leads (chủ trì) and follows the work up.' })
  @MaxChars(B.codeChars)
  lead!: string;

  @Field(() => [ID], { nullable: true, description: 'The agencies that coordinate (phối hợp).' })
  @MaxItems(B.cycleAgencies)
  @MaxCharsEach(B.codeChars)
  coordinators?: string[] | null;

  @Field({ description: 'The clause, e.g. "QĐ 2824/QĐ-UBND, Điều 10 khoản 3".' })
  @MaxChars(B.nameChars)
  legalBasis!: string;

  @Field(() => CalendarDateScalar)
  effectiveFrom!: Date;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Its last day; open-ended when omitted.' })
  effectiveUntil?: Date | null;

  @Field({ description: 'What the work is, in Vietnamese.' })
  @MaxChars(B.textChars)
  description!: string;

  @Field(() => String, { nullable: true, description: 'The PAR area (1–8) it concerns, if one.' })
  @MaxChars(20)
  area?: string | null;

  @Field(() => String, { nullable: true, description: 'The index criterion it concerns, if one (e.g. "7.1").' })
  @MaxChars(B.codeChars)
  criterionCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'A code for the assignment; by default made from the kind, the lead, what it concerns and the first day.' })
  @MaxChars(B.codeChars)
  code?: string | null;
}
