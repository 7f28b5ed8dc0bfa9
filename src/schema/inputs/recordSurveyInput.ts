import { Field, ID, InputType, Int } from 'type-graphql';
import { AgencyGroup } from '../enums';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({ description: 'Describes a sociological survey (điều tra xã hội học) of the year for one group, so that survey scores can cite it.' })
export class RecordSurveyInput {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => ID, { description: 'Unique in the year, e.g. "DTXHH-2026".' })
  @MaxChars(B.codeChars)
  code!: string;

  @Field({ description: `At most ${B.nameChars} characters.` })
  @MaxChars(B.nameChars)
  title!: string;

  @Field({ description: `Who conducted it, e.g. the institute commissioned. At most ${B.nameChars} characters.` })
  @MaxChars(B.nameChars)
  conductedBy!: string;

  @Field(() => Int, { description: 'How many people answered; at least 1.' })
  respondents!: number;

  @Field({ description: `The survey’s report, e.g. "Báo cáo số 17/BC-VNCPT". At most ${B.evidenceChars} characters.` })
  @MaxChars(B.evidenceChars)
  reportReference!: string;

  @Field(() => Date, { description: 'When it was conducted.' })
  conductedAt!: Date;
}
