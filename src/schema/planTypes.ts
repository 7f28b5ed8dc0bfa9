import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DutyStatus, PlanKind, PlanStatus } from './enums';
import { LegalBasis } from './legalBasisType';
import { CalendarDateScalar } from './scalars';

@ObjectType({ simpleResolvers: true, description: 'A task of a plan: one lead, its coordinators, a deadline, and where it stands today.' })
class PlanTask {
  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;

  @Field(() => ID, { description: 'The lead agency (chủ trì).' })
  lead!: string;

  @Field(() => [ID], { description: 'The coordinating agencies (phối hợp).' })
  coordinators!: string[];

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When an amendment last changed it (or added it).' })
  amendedAt!: Date | null;

  @Field(() => DutyStatus, {
    nullable: true,
    description: 'The lead’s duty today (OPEN, DUE, OVERDUE; DONE once progress reporting closes it); null while the plan is a draft.',
  })
  status!: DutyStatus | null;
}

@ObjectType({ simpleResolvers: true, description: 'A department asked to comment on the draft.' })
class PlanCommentRequest {
  @Field(() => ID)
  agencyCode!: string;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => Date)
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  commentedAt!: Date | null;

  @Field(() => DutyStatus, { description: 'Today: DONE once it commented, CANCELLED if the plan was adopted first, else OPEN, DUE or OVERDUE.' })
  status!: DutyStatus;

  @Field({ description: 'Commented after the deadline.' })
  late!: boolean;
}

@ObjectType({ simpleResolvers: true })
class PlanComment {
  @Field(() => ID)
  agencyCode!: string;

  @Field()
  text!: string;

  @Field(() => Date)
  submittedAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A department’s notice of a higher-level change affecting the plan’s PAR tasks.' })
class HigherLevelChangeNotice {
  @Field(() => ID, { description: 'The department that notified SNV.' })
  agencyCode!: string;

  @Field()
  text!: string;

  @Field(() => LegalBasis)
  legalBasis!: LegalBasis;

  @Field(() => Date)
  notifiedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When SNV’s duty to consider it closed: the next adoption or amendment.' })
  consideredAt!: Date | null;
}

@ObjectType({ simpleResolvers: true })
class PlanAdoption {
  @Field()
  decisionNumber!: string;

  @Field(() => CalendarDateScalar)
  decisionDate!: string;

  @Field(() => Date)
  adoptedAt!: Date;
}

@ObjectType({ simpleResolvers: true })
class PlanAmendment {
  @Field()
  reason!: string;

  @Field()
  decisionNumber!: string;

  @Field(() => CalendarDateScalar)
  decisionDate!: string;

  @Field(() => Date)
  amendedAt!: Date;

  @Field(() => [ID], { description: 'The tasks it changed or added.' })
  taskCodes!: string[];
}

@ObjectType({
  description:
    'A PAR plan or programme (Art. 3): SNV’s draft, the comments asked for and given, the notices of higher-level changes, the adoption and the amendments.',
})
export class Plan {
  @Field(() => ID)
  code!: string;

  @Field(() => PlanKind)
  kind!: PlanKind;

  @Field(() => Int)
  year!: number;

  @Field()
  title!: string;

  @Field(() => PlanStatus)
  status!: PlanStatus;

  @Field(() => Date)
  draftedAt!: Date;

  @Field(() => [PlanTask])
  tasks!: PlanTask[];

  @Field(() => [PlanCommentRequest])
  commentRequests!: PlanCommentRequest[];

  @Field(() => [PlanComment])
  comments!: PlanComment[];

  @Field(() => [HigherLevelChangeNotice])
  notifications!: HigherLevelChangeNotice[];

  @Field(() => PlanAdoption, { nullable: true })
  adoption!: PlanAdoption | null;

  @Field(() => [PlanAmendment])
  amendments!: PlanAmendment[];
}
