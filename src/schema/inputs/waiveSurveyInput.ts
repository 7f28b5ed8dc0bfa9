import { Field, InputType, Int } from 'type-graphql';
import { AgencyGroup } from '../enums';
import { INPUT_BOUNDS as B, MaxChars } from '../inputBounds';

@InputType({
  description:
    'Waives the group’s sociological survey for the year (where the province makes it optional): its survey criteria become not applicable for every agency of the group, so the index is the appraised points over the remaining maximum.',
})
export class WaiveSurveyInput {
  @Field(() => Int)
  year!: number;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;

  @Field({
    description: `Why, e.g. the plan that makes the survey optional (kept in the audit trail and shown in Cycle.surveyWaivers). At most ${B.textChars} characters.`,
  })
  @MaxChars(B.textChars)
  reason!: string;
}
