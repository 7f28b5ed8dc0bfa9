import { Field, ID, InputType } from 'type-graphql';
import { ProposalDecision, ProposalOpinion, ProposalRecommendation } from '../enums';
import { INPUT_BOUNDS as B, MaxChars, MaxCharsEach, MaxItems } from '../inputBounds';
import { CalendarDateScalar, DateTimeScalar } from '../scalars';

// The inputs of the reform-proposal mutations (Art. 6; src/resolvers/proposalResolver.ts).

@InputType()
export class SubmitReformProposalInput {
  @Field(() => ID, { description: 'The proposal’s code, chosen by the agency, e.g. "DA-SXD-2026-01".' })
  @MaxChars(B.codeChars)
  code!: string;

  @Field()
  @MaxChars(B.nameChars)
  title!: string;

  @Field(() => ID, { description: 'The agency submitting it: the officer’s own.' })
  @MaxChars(B.codeChars)
  submittingAgencyCode!: string;

  @Field()
  @MaxChars(20_000)
  summary!: string;

  @Field(() => [String], { nullable: true, description: 'References or links to the documents (đề án, tờ trình).' })
  @MaxItems(B.evidenceItems)
  @MaxCharsEach(B.evidenceChars)
  attachments?: string[] | null;
}

@InputType()
export class RequestProposalOpinionsInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => [ID], { description: 'The agencies asked (e.g. STC, STP, SKHCN, VPUBND for proposals in their field, Điều 6 khoản 2).' })
  @MaxItems(200)
  @MaxCharsEach(B.codeChars)
  agencyCodes!: string[];

  @Field(() => DateTimeScalar, { description: 'By when the opinions are due; must be later than now.' })
  dueAt!: Date;
}

@InputType()
export class GiveProposalOpinionInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => ID, { description: 'The asked agency: the officer’s own.' })
  @MaxChars(B.codeChars)
  agencyCode!: string;

  @Field(() => ProposalOpinion)
  opinion!: ProposalOpinion;

  @Field()
  @MaxChars(20_000)
  text!: string;
}

@InputType()
export class AppraiseProposalInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => ProposalRecommendation)
  recommendation!: ProposalRecommendation;

  @Field()
  @MaxChars(20_000)
  text!: string;
}

@InputType()
export class DecideProposalInput {
  @Field(() => ID)
  @MaxChars(B.codeChars)
  code!: string;

  @Field(() => ProposalDecision)
  decision!: ProposalDecision;

  @Field()
  @MaxChars(B.decisionNumberChars)
  decisionNumber!: string;

  @Field(() => CalendarDateScalar)
  decisionDate!: Date;
}
