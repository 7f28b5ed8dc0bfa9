import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One readable resource and how much of it the token sees (the read-scope table’s rule).' })
class ViewerRead {
  @Field({ description: 'The resource, as named in the read-scope table (assessments, rankings, auditTrail, …).' })
  resource!: string;

  @Field({ description: 'ALL, OWN_AGENCY, APPRAISED, PUBLISHED_OR_FINALISED or NONE.' })
  scope!: string;
}

@ObjectType({
  description:
    'Who the token says the reader is and what it lets them do, from the same tables that authorise requests: a front end shows what these allow and nothing else.',
})
export class Viewer {
  @Field()
  subject!: string;

  @Field()
  name!: string;

  @Field(() => [String])
  roles!: string[];

  @Field(() => ID, { nullable: true, description: 'The agency of the token’s `agency` claim.' })
  agencyCode!: string | null;

  @Field(() => [String], { description: 'The commands (SubmitSelfAssessment, AppraiseCriteria, …) some role of the token may give.' })
  commands!: string[];

  @Field(() => [ViewerRead], { description: 'Every readable resource with the widest rule the token’s roles have.' })
  reads!: ViewerRead[];
}
