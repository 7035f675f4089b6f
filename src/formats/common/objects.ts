/**
 * Decoded DTOs are ordinary objects. Dictionary keys are user data, so a key such as
 * `__proto__` must become an own property instead of reaching the prototype setter.
 */

/** Sets `obj[key] = value` as an own, enumerable property whatever the key is. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/** `obj[key]` only if it is the object's own property (never an inherited `toString`). */
export function getOwn(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
