import type { Filter } from '../store/readStore';

/**
 * Which streams' events a reader sees (from its read scope): events of streams starting with `hiddenPrefix` are
 * left out, except those of the streams listed in `except`.
 */
export interface AuditVisibility {
  hiddenPrefix: string;
  except: readonly string[];
}

/**
 * A filter restricted to the visible streams, as disjoint filters (the read store has no OR): streams ordered
 * before the hidden prefix, streams after every stream with that prefix, and the listed exceptions. Each is paged
 * the same way and the pages merged by position.
 */
export function visibleParts(where: Filter, visibility: AuditVisibility | null): Filter[] {
  const streamId = where.streamId;
  if (!visibility) return [where];
  if (typeof streamId === 'string') {
    const hidden = streamId.startsWith(visibility.hiddenPrefix) && !visibility.except.includes(streamId);
    return hidden ? [] : [where];
  }
  const prefix = visibility.hiddenPrefix;
  // Code-point order: every string with the prefix sorts below the prefix with its last character incremented.
  const pastPrefix = prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1);
  const parts: Filter[] = [
    { ...where, streamId: { $lt: prefix } },
    { ...where, streamId: { $gte: pastPrefix } },
  ];
  if (visibility.except.length > 0) parts.push({ ...where, streamId: { $in: [...visibility.except] } });
  return parts;
}
