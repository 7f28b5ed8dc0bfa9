import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ReportingPeriod, SubmissionStatus, TaskProgressStatus } from './enums';
import { CalendarDateScalar } from './scalars';

@ObjectType({ simpleResolvers: true })
class TaskProgress {
  @Field(() => ID)
  taskCode!: string;

  @Field(() => TaskProgressStatus)
  status!: TaskProgressStatus;

  @Field(() => Float)
  percent!: number;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One agency’s report in a round: its latest version, and whether its first came in time.' })
class ReportSubmission {
  @Field(() => ID)
  agencyCode!: string;

  @Field(() => SubmissionStatus, { description: 'On the round’s `on` day.' })
  status!: SubmissionStatus;

  @Field(() => Date, { nullable: true, description: 'The first report: what timeliness is judged on.' })
  submittedAt!: string | null;

  @Field(() => Date, { nullable: true })
  lastSubmittedAt!: string | null;

  @Field(() => Int, { description: 'Reports sent: 2 or more when revised.' })
  revisions!: number;

  @Field(() => [TaskProgress])
  progress!: TaskProgress[];

  @Field(() => String, { nullable: true })
  difficulties!: string | null;

  @Field(() => String, { nullable: true })
  proposals!: string | null;

  @Field(() => [String])
  attachments!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'What SNV sent UBND: who had reported on time, late, or not at all.' })
class ProvincialReport {
  @Field()
  summary!: string;

  @Field(() => Date)
  compiledAt!: string;

  @Field(() => [ID])
  onTime!: string[];

  @Field(() => [ID])
  late!: string[];

  @Field(() => [ID])
  missing!: string[];
}

@ObjectType({ description: 'A reporting round (Art. 4(2)): the agencies asked, each one’s report and the compiled provincial report.' })
export class Reporting {
  @Field(() => ID, { description: 'E.g. BC-2030-Q1.' })
  id!: string;

  @Field(() => ReportingPeriod)
  period!: ReportingPeriod;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true })
  quarter!: number | null;

  @Field(() => ID, { nullable: true, description: 'An AD_HOC round’s code.' })
  code!: string | null;

  @Field()
  title!: string;

  @Field(() => Date)
  dueAt!: string;

  @Field(() => Date)
  scheduledAt!: string;

  @Field(() => CalendarDateScalar, { description: 'The day the submissions’ status is for.' })
  on!: string;

  @Field(() => [ReportSubmission], { description: 'By agency code.' })
  submissions!: ReportSubmission[];

  @Field(() => ProvincialReport, { nullable: true })
  compiled!: ProvincialReport | null;
}

@ObjectType({ simpleResolvers: true, description: 'A difficulty with the regulation an agency raised through SNV (Art. 17(3)).' })
export class RegulationIssue {
  @Field(() => ID, { description: 'KN-001, KN-002, … in the order raised.' })
  id!: string;

  @Field(() => ID)
  agencyCode!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  proposal!: string | null;

  @Field(() => Date)
  reportedAt!: string;
}
