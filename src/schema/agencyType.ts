import { Field, ID, ObjectType } from 'type-graphql';
import { AgencyGroup } from './enums';

@ObjectType({ simpleResolvers: true, description: 'A department, provincial branch, district or commune that is assessed or appraises.' })
export class Agency {
  @Field(() => ID)
  code!: string;

  @Field({ description: 'Official Vietnamese name, with diacritics.' })
  name!: string;

  @Field(() => AgencyGroup)
  group!: AgencyGroup;
}
