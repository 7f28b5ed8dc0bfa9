/**
 * The one ordering of Vietnamese text for people to read (agency lists, ties in a ranking): the `vi` collation,
 * where "Đ" follows "D" and "Ă", "Â" follow "A", digits compare as numbers ("Huyện 2" before "Huyện 10"), and
 * names that differ only in case or tone marks compare equal, so callers break such ties on something stable
 * (the agency code).
 */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Codes are ASCII identifiers: ordered by code unit, the same on every machine whatever its default locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
