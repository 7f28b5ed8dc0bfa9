import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Agency } from './agencyType';
import { AgencyGroup } from './enums';

@ObjectType({ description: 'A group’s survey waived for the year (waiveSurvey): its survey criteria are not applicable.' })
export class SurveyWaiver {
  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field()
  reason!: string;

  @Field(() => Date)
  waivedAt!: Date;
}

@ObjectType({ description: 'A survey score that cites the survey: the latest survey score of that agency’s criterion.' })
class SurveyScore {
  @Field(() => Agency, { description: 'With the name valid in the survey’s year.' })
  agency!: Agency;

  @Field(() => ID)
  agencyCode!: string;

  @Field(() => ID)
  criterionCode!: string;

  @Field(() => Float)
  points!: number;
}

@ObjectType({ description: 'A sociological survey (điều tra xã hội học) of one year for one group, as recorded by the coordinator.' })
export class Survey {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;

  @Field()
  conductedBy!: string;

  @Field(() => Int)
  respondents!: number;

  @Field()
  reportReference!: string;

  @Field(() => Date)
  conductedAt!: Date;

  @Field(() => Date)
  recordedAt!: Date;

  @Field(() => [SurveyScore], { description: 'The scores citing this survey, by agency code and criterion code.' })
  scores!: SurveyScore[];
}
