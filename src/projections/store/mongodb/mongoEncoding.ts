/**
 * MongoDB-protocol servers reject keys that contain '.' or start with '$' (and keys with NUL bytes cannot be
 * encoded), and FerretDB 1.x rejects arrays directly inside arrays. Documents are JSON, where all of these are
 * fine, so they are stored in an encoding that is the identity on everything else, which keeps every queryable
 * path (a plain identifier) unchanged:
 * - in keys, '%', '.', '$' and NUL become '%25', '%2E', '%24', '%00';
 * - an array inside an array becomes `{ '%a': [...] }`; that key cannot come from a real key, whose '%' would have
 *   been escaped. An object never equals a scalar and never matches a range, so filters are unaffected.
 */
export function encodeValue(value: unknown, inArray = false): unknown {
  if (Array.isArray(value)) {
    const elements = value.map((element) => encodeValue(element, true));
    return inArray ? { [NESTED_ARRAY]: elements } : elements;
  }
  if (typeof value === 'object' && value !== null) {
    const encoded: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) setOwn(encoded, encodeKey(key), encodeValue(member));
    return encoded;
  }
  return value;
}

export function decodeValue(value: unknown, inArray = false): unknown {
  if (Array.isArray(value)) return value.map((element) => decodeValue(element, true));
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const record = value as Record<string, unknown>;
    if (inArray && keys.length === 1 && keys[0] === NESTED_ARRAY && Array.isArray(record[NESTED_ARRAY])) {
      return (record[NESTED_ARRAY] as unknown[]).map((element) => decodeValue(element, true));
    }
    const decoded: Record<string, unknown> = {};
    for (const key of keys) setOwn(decoded, decodeKey(key), decodeValue(record[key]));
    return decoded;
  }
  return value;
}

const NESTED_ARRAY = '%a';

function encodeKey(key: string): string {
  return /[%.$\u0000]/.test(key) ? key.replace(/[%.$\u0000]/g, (c) => `%${hex(c)}`) : key;
}

function decodeKey(key: string): string {
  return key.includes('%') ? key.replace(/%([0-9A-F]{2})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16))) : key;
}

function hex(character: string): string {
  return character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
}

/** Like JSON.parse, a key `__proto__` becomes an own property rather than the object's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}
