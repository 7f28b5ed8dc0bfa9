import type { AreaDefinition, CriterionDefinition, FrameworkPublished, ScoringMethod } from '../../events/parEvents';
import { toPoints, type Points } from '../points';

/** A published criteria set (bộ chỉ số), as its FrameworkPublished event states it. */
export type Framework = FrameworkPublished['data'];

/** A leaf (the level that carries points), with the area it belongs to. */
export interface Leaf {
  code: string;
  title: string;
  areaCode: string;
  maxPoints: Points;
  method: ScoringMethod;
  appraiserCode: string | null;
}

export function leavesOf(areas: readonly AreaDefinition[]): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (areaCode: string, node: CriterionDefinition) => {
    if (node.children.length === 0) {
      leaves.push({
        code: node.code,
        title: node.title,
        areaCode,
        maxPoints: toPoints(node.maxPoints) as Points,
        method: node.method ?? 'SELF_ASSESSED',
        appraiserCode: node.appraiserCode,
      });
    } else node.children.forEach((child) => walk(areaCode, child));
  };
  for (const area of areas) area.criteria.forEach((c) => walk(area.code, c));
  return leaves;
}

/*
 * Deciders look criteria up on every command, and the command handler hands them the same framework object for as
 * long as it has it cached (states are never changed in place), so the index is built once per framework state.
 */
const indexes = new WeakMap<readonly AreaDefinition[], ReadonlyMap<string, Leaf>>();

/** The framework's scored criteria by code; shared between callers, so read-only. */
export function leafIndex(areas: readonly AreaDefinition[]): ReadonlyMap<string, Leaf> {
  let index = indexes.get(areas);
  if (!index) {
    index = new Map(leavesOf(areas).map((leaf) => [leaf.code, Object.freeze(leaf)]));
    indexes.set(areas, index);
  }
  return index;
}

/** The criteria each appraising agency is responsible for, in framework order. */
export function appraisalAssignments(areas: readonly AreaDefinition[]): Map<string, string[]> {
  const byAppraiser = new Map<string, string[]>();
  for (const leaf of leavesOf(areas)) {
    if (!leaf.appraiserCode) continue;
    const list = byAppraiser.get(leaf.appraiserCode) ?? [];
    list.push(leaf.code);
    byAppraiser.set(leaf.appraiserCode, list);
  }
  return byAppraiser;
}

/**
 * Each leaf's codes from its area down to the leaf itself, inclusive, in the framework's nesting: where a front end
 * places the leaf (breadcrumbs, the parent it sits under) without walking the tree itself.
 */
export function leafPaths(areas: readonly AreaDefinition[]): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const walk = (above: string[], node: CriterionDefinition) => {
    const path = [...above, node.code];
    if (node.children.length === 0) paths.set(node.code, path);
    else node.children.forEach((child) => walk(path, child));
  };
  for (const area of areas) area.criteria.forEach((c) => walk([area.code], c));
  return paths;
}
