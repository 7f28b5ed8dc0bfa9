import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Agency } from './agencyType';
import { LegalBasis } from './legalBasisType';
import { CalendarDateScalar } from './scalars';

export enum LineageKind {
  MERGER = 'MERGER',
  SPLIT = 'SPLIT',
}
registerEnumType(LineageKind, {
  name: 'LineageKind',
  description: 'MERGER: the unit merged into the other (sáp nhập/hợp nhất); SPLIT: it was split into it (chia tách).',
});

@ObjectType({ simpleResolvers: true, description: 'A name an agency had, from one day to another (inclusive; null: open).' })
export class AgencyName {
  @Field()
  name!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Null: since before the register began.' })
  from!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Null: still in use.' })
  until!: string | null;

  @Field(() => LegalBasis, { nullable: true, description: 'The decision that gave the name; null for the name it was registered with.' })
  legalBasis!: LegalBasis | null;
}

@ObjectType({ simpleResolvers: true, description: 'An edge of an agency’s lineage, seen from the agency.' })
export class LineageLink {
  @Field(() => LineageKind)
  kind!: LineageKind;

  @Field(() => ID)
  agencyCode!: string;

  @Field({ description: 'The other unit’s name when the change took effect.' })
  agencyName!: string;

  @Field(() => CalendarDateScalar)
  effectiveFrom!: string;

  @Field(() => LegalBasis)
  legalBasis!: LegalBasis;
}

@ObjectType({ simpleResolvers: true, description: 'An edge of a lineage graph: `fromCode` ended and its work went to `toCode`.' })
class LineageEdge {
  @Field(() => LineageKind)
  kind!: LineageKind;

  @Field(() => ID)
  fromCode!: string;

  @Field(() => ID)
  toCode!: string;

  @Field(() => CalendarDateScalar)
  effectiveFrom!: string;

  @Field(() => LegalBasis)
  legalBasis!: LegalBasis;
}

@ObjectType({ description: 'Every unit connected to an agency by mergers and splits, either way, and the edges between them.' })
export class Lineage {
  @Field(() => [Agency], { description: 'Oldest first, each with its latest name (its `names` give the others).' })
  agencies!: Agency[];

  @Field(() => [LineageEdge], { description: 'In the order they took effect.' })
  edges!: LineageEdge[];
}

@ObjectType({ simpleResolvers: true, description: 'A jurisdiction merged into another, or merged from it.' })
class JurisdictionLink {
  @Field(() => ID)
  code!: string;

  @Field(() => CalendarDateScalar)
  effectiveFrom!: string;

  @Field(() => LegalBasis)
  legalBasis!: LegalBasis;
}

@ObjectType({ simpleResolvers: true, description: 'A province-level jurisdiction (tỉnh, thành phố trực thuộc trung ương), through time.' })
export class Jurisdiction {
  @Field(() => ID)
  code!: string;

  @Field()
  name!: string;

  @Field(() => CalendarDateScalar, { nullable: true })
  activeFrom!: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  activeUntil!: string | null;

  @Field(() => [JurisdictionLink])
  predecessors!: JurisdictionLink[];

  @Field(() => [JurisdictionLink])
  successors!: JurisdictionLink[];
}

@ObjectType({ simpleResolvers: true, description: 'A participant that ended during the cycle’s year, offered for excludeFromRanking.' })
export class EndedParticipant {
  @Field(() => ID)
  agencyCode!: string;

  @Field(() => CalendarDateScalar, { description: 'Its last day.' })
  activeUntil!: string;

  @Field({ description: 'Why, from its lineage, e.g. "Hợp nhất vào Sở Khoa học và Công nghệ từ 01/03/2025 (01/NQ-HĐND ngày 01/02/2025)".' })
  reason!: string;

  @Field({ description: 'Whether it is left out of its group’s ranking (excludeFromRanking or excludeEndedMidYear).' })
  excluded!: boolean;
}
