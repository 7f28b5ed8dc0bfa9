/**
 * Makes a value read-only all the way down, for objects every caller shares. Stops at objects already frozen:
 * states share their unchanged parts with earlier ones, frozen before.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
