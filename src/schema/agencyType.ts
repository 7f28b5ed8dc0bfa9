import { Field, ID, ObjectType } from 'type-graphql';
import { AgencyGroup } from './enums';

@ObjectType({
  simpleResolvers: true,
  description:
    'A department, provincial branch, district or commune that is assessed or appraises, through time: name and group are those valid on the day asked for (agencies(activeOn)), in the cycle’s year (participants), or the latest.',
})
export class Agency {
  @Field(() => ID)
  code!: string;

  @Field({ description: 'Official Vietnamese name, with diacritics, valid on the day the agency is read for.' })
  name!: string;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  // jurisdiction, activeFrom, activeUntil, names, predecessors, successors and lineage are resolved from the
  // agency's history (src/resolvers/agencyHistoryResolver.ts), so every Agency in the schema has them.
}
