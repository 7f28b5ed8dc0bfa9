import type { PendingAppraisal } from './responsibilityDocument';

/**
 * Which (agency, criterion) pairs a list holds, as a Set kept beside the list (never in the document). An
 * appraising department's lists grow to thousands of pairs a year, and testing membership by scanning them on
 * every submission and appraisal made building the responsibilities projection quadratic. A list is never changed
 * once made: a new one is made instead, and the Set moves to it (the old list, if still read, builds its own
 * again), so the cache can never disagree with the list it belongs to.
 */
const sets = new WeakMap<readonly PendingAppraisal[], Set<string>>();

const keyOf = (agencyCode: string, criterionCode: string) => `${agencyCode}\u0000${criterionCode}`;

function setOf(list: readonly PendingAppraisal[]): Set<string> {
  let set = sets.get(list);
  if (set === undefined) {
    set = new Set(list.map((p) => keyOf(p.agencyCode, p.criterionCode)));
    sets.set(list, set);
  }
  return set;
}

export function holds(list: readonly PendingAppraisal[], agencyCode: string, criterionCode: string): boolean {
  return setOf(list).has(keyOf(agencyCode, criterionCode));
}

/** A new list: `list` followed by `added`. */
export function appended(list: readonly PendingAppraisal[], added: readonly PendingAppraisal[]): PendingAppraisal[] {
  const set = setOf(list);
  const next = [...list, ...added];
  for (const p of added) set.add(keyOf(p.agencyCode, p.criterionCode));
  sets.delete(list);
  sets.set(next, set);
  return next;
}

/** `list` without the pair (every copy of it); `list` itself when it does not hold the pair. */
export function without(list: PendingAppraisal[], agencyCode: string, criterionCode: string): PendingAppraisal[] {
  const set = setOf(list);
  const key = keyOf(agencyCode, criterionCode);
  if (!set.has(key)) return list;
  const next = list.filter((p) => p.agencyCode !== agencyCode || p.criterionCode !== criterionCode);
  set.delete(key);
  sets.delete(list);
  sets.set(next, set);
  return next;
}
