// canonicalize 2.x implements RFC 8785 (JSON Canonicalization Scheme); pinned to its last CommonJS release.
import canonicalize from 'canonicalize';

/** The one serialisation hashes are computed over: sorted keys, no whitespace, ECMAScript numbers. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value cannot be serialised to canonical JSON');
  return text;
}
