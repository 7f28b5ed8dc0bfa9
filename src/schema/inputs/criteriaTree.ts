import { registerDecorator } from 'class-validator';
import { INPUT_BOUNDS as B } from '../inputBounds';

interface CriterionNode {
  children?: CriterionNode[] | null;
}
interface AreaNode {
  criteria?: CriterionNode[] | null;
}

/**
 * What is wrong with a framework's criteria tree as a whole, or null. Each list has its own bound; this adds the
 * depth and the totals, walking without recursion so a hostile tree cannot exhaust the stack.
 */
function criteriaTreeProblem(areas: unknown): string | null {
  if (!Array.isArray(areas)) return null;
  let criteria = 0;
  let leaves = 0;
  const stack: { node: CriterionNode; depth: number; path: string }[] = [];
  (areas as AreaNode[]).forEach((area, a) => (area?.criteria ?? []).forEach((node, i) => stack.push({ node, depth: 1, path: `areas[${a}].criteria[${i}]` })));
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (depth > B.criteriaDepth) return `criteria nest at most ${B.criteriaDepth} levels below an area; ${path} is level ${depth}`;
    criteria += 1;
    const children = node?.children ?? [];
    if (children.length === 0) leaves += 1;
    children.forEach((child, i) => stack.push({ node: child, depth: depth + 1, path: `${path}.children[${i}]` }));
  }
  if (criteria > B.frameworkCriteria) return `a framework has at most ${B.frameworkCriteria} criteria; this one has ${criteria}`;
  if (leaves > B.frameworkLeaves) return `a framework has at most ${B.frameworkLeaves} leaf criteria; this one has ${leaves}`;
  return null;
}

/** class-validator decorator for `PublishFrameworkInput.areas`. */
export function BoundedCriteriaTree(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'boundedCriteriaTree',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => criteriaTreeProblem(value) === null,
        defaultMessage: (args) => criteriaTreeProblem(args?.value) ?? 'invalid criteria tree',
      },
    });
}
