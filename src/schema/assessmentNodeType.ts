import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CriterionScore } from './assessmentType';
import { AssessmentNodeKind } from './enums';

@ObjectType({
  simpleResolvers: true,
  description:
    'A node of an assessment’s tree (area → criterion → sub-criteria → leaf) with its sub-totals, summed exactly from the leaves below it; an area’s agree with its AreaScore.',
})
export class AssessmentNode {
  @Field(() => ID)
  code!: string;

  @Field()
  title!: string;

  @Field(() => AssessmentNodeKind)
  kind!: AssessmentNodeKind;

  @Field(() => Float, { description: 'The framework’s maximum: every leaf below, applicable or not.' })
  maxPoints!: number;

  @Field(() => Float, { description: 'The maxima of the applicable leaves below (a confirmed "not applicable" leaf leaves it).' })
  applicableMaxPoints!: number;

  @Field(() => Float, { description: 'The agency’s sent self points below (drafts are not sent; a "not applicable" claim adds nothing).' })
  selfPoints!: number;

  @Field(() => Float, { description: 'The latest appraised points below (survey leaves have none).' })
  appraisedPoints!: number;

  @Field(() => Float, {
    description: 'Final points of the applicable leaves below; a leaf not scored yet counts 0 (as in AreaScore.points), and unscoredLeaves says how many.',
  })
  points!: number;

  @Field(() => Int, { description: 'Applicable leaves below (or this leaf) still waiting for their appraisal or survey result.' })
  unscoredLeaves!: number;

  @Field(() => [AssessmentNode], { description: 'In framework order; empty on a leaf.' })
  children!: AssessmentNode[];

  @Field(() => CriterionScore, { nullable: true, description: 'The leaf’s score; null on areas and criteria with sub-criteria.' })
  score!: CriterionScore | null;
}
