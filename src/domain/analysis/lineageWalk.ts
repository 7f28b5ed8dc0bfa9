/** An edge of the agencies' lineage: `fromCode`'s work went to `toCode` by a merger or a split. */
export interface LineageEdge {
  kind: 'MERGER' | 'SPLIT';
  fromCode: string;
  toCode: string;
}

/** Which way a walk follows the edges: to the units a unit came from, or to those it went into. */
export type Direction = 'BACKWARDS' | 'FORWARDS';

/** A unit reached by a walk, with the codes from it to the unit the walk started at, and the kind of its own edge. */
interface Reached {
  code: string;
  /** From the unit reached to the start, both included: ['STTTT', 'SKHCN']. */
  path: string[];
  kind: LineageEdge['kind'];
}

function neighbours(edges: readonly LineageEdge[], direction: Direction) {
  const next = new Map<string, { code: string; kind: LineageEdge['kind'] }[]>();
  for (const e of edges) {
    const [from, to] = direction === 'BACKWARDS' ? [e.toCode, e.fromCode] : [e.fromCode, e.toCode];
    next.set(from, [...(next.get(from) ?? []), { code: to, kind: e.kind }]);
  }
  return next;
}

/**
 * The units reached from `start` one way through mergers and splits, nearest first (each by its shortest path).
 * `stopAt` ends the walk at the units it accepts: what lies beyond them is not reached through them.
 */
export function walkLineage(start: string, edges: readonly LineageEdge[], direction: Direction, stopAt: (code: string) => boolean = () => false): Reached[] {
  const next = neighbours(edges, direction);
  const reached: Reached[] = [];
  const seen = new Set([start]);
  let frontier: { code: string; path: string[] }[] = [{ code: start, path: [start] }];
  while (frontier.length > 0) {
    const following: typeof frontier = [];
    for (const unit of frontier) {
      for (const n of [...(next.get(unit.code) ?? [])].sort((a, b) => a.code.localeCompare(b.code))) {
        if (seen.has(n.code)) continue;
        seen.add(n.code);
        const path = [n.code, ...unit.path];
        reached.push({ code: n.code, path, kind: n.kind });
        if (!stopAt(n.code)) following.push({ code: n.code, path });
      }
    }
    frontier = following;
  }
  return reached;
}
