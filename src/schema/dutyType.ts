import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Agency } from './agencyType';
import { DutyRole, DutyStatus, TaskKind } from './enums';

@ObjectType({ simpleResolvers: true, description: 'What the duty is about: a plan, a report round, an inspection, a proposal, a criterion…' })
class DutySubject {
  @Field()
  type!: string;

  @Field(() => ID)
  code!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One thing one agency leads or owes, with its deadline and where it stands on the day asked for.' })
export class Duty {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The agency that owes it.' })
  agencyCode!: string;

  @Field(() => DutyRole)
  role!: DutyRole;

  @Field(() => TaskKind)
  taskKind!: TaskKind;

  @Field()
  title!: string;

  @Field(() => DutySubject)
  subject!: DutySubject;

  @Field(() => String, { nullable: true, description: 'The clause it rests on, e.g. "QĐ 2824/QĐ-UBND, Điều 3".' })
  legalBasis!: string | null;

  @Field(() => Date)
  since!: Date;

  @Field(() => Date, { nullable: true, description: 'Null for a standing responsibility.' })
  dueAt!: Date | null;

  @Field(() => Date, { nullable: true })
  doneAt!: Date | null;

  @Field(() => DutyStatus)
  status!: DutyStatus;

  @Field({ description: 'Done after its deadline.' })
  late!: boolean;
}

@ObjectType({ description: 'One agency’s duties on a day, counted by status, with the duties themselves.' })
export class AgencyWorkload {
  @Field(() => Agency)
  agency!: Agency;

  @Field(() => Int, { description: 'Not yet due.' })
  open!: number;

  @Field(() => Int, { description: 'Deadline within 7 days.' })
  due!: number;

  @Field(() => Int)
  overdue!: number;

  @Field(() => Int, { description: 'Done by that day (late ones included).' })
  done!: number;

  @Field(() => [Duty], { description: 'Every duty not done and not cancelled by that day, overdue first, then by deadline.' })
  outstanding!: Duty[];
}
