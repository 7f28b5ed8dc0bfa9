import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems } from '../inputBounds';

// The provincial index (Decision 2824, Art. 7): the province's own self-assessment against the national criteria set.

@InputType()
export class RequestCriterionDataInput {
  @Field(() => Int)
  year!: number;

  @Field(() => [ID], { description: 'Criteria of the national criteria set whose data the department provides.' })
  @MaxItems(B.frameworkLeaves)
  @MaxCharsEach(B.codeChars)
  criterionCodes!: string[];

  @Field(() => ID, { description: 'The department asked.' })
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The national criteria set (a framework of group PROVINCE); required the first time in a year.' })
  @MaxChars(B.codeChars)
  frameworkCode?: string | null;
}

@InputType()
export class ProvideCriterionDataInput {
  @Field(() => Int)
  year!: number;

  @Field(() => ID)
  @MaxChars(B.codeChars)
  criterionCode!: string;

  @Field(() => Float, { description: 'The criterion’s value as the national criteria set measures it (points, a percentage, a count).' })
  value!: number;

  @Field(() => [String], { nullable: true, description: 'Evidence (tài liệu kiểm chứng).' })
  @MaxItems(B.evidenceItems)
  @MaxCharsEach(B.evidenceChars)
  evidence?: string[] | null;

  @Field(() => String, { nullable: true })
  @MaxChars(B.textChars)
  note?: string | null;
}

@InputType()
export class CompileProvincialAssessmentInput {
  @Field(() => Int)
  year!: number;
}

@InputType()
export class RecordNationalResultInput {
  @Field(() => Int)
  year!: number;

  @Field(() => Float)
  indexPercent!: number;

  @Field(() => Int)
  rank!: number;

  @Field(() => Int, { description: 'Out of how many provinces (63 before 2025, 34 after).' })
  ofProvinces!: number;

  @Field({ description: 'The ministry’s decision publishing the PAR Index, e.g. "1234/QĐ-BNV".' })
  @MaxChars(B.decisionNumberChars)
  decisionNumber!: string;
}
