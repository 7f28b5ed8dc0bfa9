import { EndedParticipant } from './lineageTypes';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Agency } from './agencyType';
import { Extension } from './extensionType';
import { AgencyGroup } from './enums';
import { GroupBands, RatingBand } from './ratingBandType';
import { SurveyWaiver } from './surveyType';

@ObjectType()
class CycleFramework {
  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field(() => ID)
  frameworkCode!: string;

  @Field({ description: 'Whether this group’s ranking has been published.' })
  rankingPublished!: boolean;
}

@ObjectType({ description: 'A change of the year’s deadlines (amendCycleSchedule), with what they were before.' })
class ScheduleAmendment {
  @Field(() => Date)
  selfAssessmentDeadline!: Date;

  @Field(() => Date)
  appraisalDeadline!: Date;

  @Field(() => Date)
  previousSelfAssessmentDeadline!: Date;

  @Field(() => Date)
  previousAppraisalDeadline!: Date;

  @Field()
  reason!: string;

  @Field(() => Date)
  amendedAt!: Date;
}

@ObjectType({ description: 'One year of the PAR Index: which framework each group uses, who is assessed, deadlines.' })
export class Cycle {
  @Field(() => Int)
  year!: number;

  @Field(() => [CycleFramework])
  frameworks!: CycleFramework[];

  @Field(() => [Agency], { description: 'The agencies assessed this year, with the names valid this year.' })
  participants!: Agency[];

  @Field(() => Date, { description: 'As amended; an agency with an extension has until its extension.' })
  selfAssessmentDeadline!: Date;

  @Field(() => Date, { description: 'As amended; appraisal of an agency with an extension is open until its extension.' })
  appraisalDeadline!: Date;

  @Field(() => [ScheduleAmendment], { description: 'Every amendment of the deadlines, oldest first.' })
  scheduleAmendments!: ScheduleAmendment[];

  @Field(() => [Extension], { description: 'Every extension granted, oldest first.' })
  extensions!: Extension[];

  @Field(() => [RatingBand], { description: 'The default bands, for every group without its own in groupBands.' })
  bands!: RatingBand[];

  @Field(() => [GroupBands], { description: 'Bands set for single groups (openAssessmentCycle groupBands).' })
  groupBands!: GroupBands[];

  @Field(() => Date)
  openedAt!: Date;

  @Field(() => [SurveyWaiver], { description: 'Groups whose survey is waived this year, oldest first.' })
  surveyWaivers!: SurveyWaiver[];

  @Field(() => [EndedParticipant], {
    description:
      'Participants that ended during the year (merged, split, dissolved), with the reason: the coordinator leaves them out of the ranking (excludeFromRanking) or keeps them.',
  })
  endedDuringYear!: EndedParticipant[];
}
