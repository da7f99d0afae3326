// `T | null` in request bodies without coercing null away.
//
// Fastify's Ajv runs with `coerceTypes` (query strings need it: "12" → 12). TypeBox writes `T | null` as
// `anyOf: [T, {type:'null'}]`, and Ajv tries the branches in order with coercion on: a `null` sent for a number
// became 0, for a string "", for a boolean false — a person clearing a field silently stored a value. Rewritten as
// OpenAPI's `{ ...T, nullable: true }`, Ajv sees both types at once (null is already of an allowed type, so nothing
// is coerced) and the OpenAPI document still says "nullable".

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `anyOf: [T, null]` (either order) with T a single-typed schema → `{ ...T, nullable: true }`; recursive; a new object. */
export function nullableUnions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(nullableUnions);
  if (!isObj(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) out[k] = nullableUnions(v);
  const any = out.anyOf;
  if (Array.isArray(any) && any.length === 2) {
    const nullAt = any.findIndex((s) => isObj(s) && s.type === 'null' && Object.keys(s).every((k) => k === 'type'));
    const other = any[1 - nullAt];
    if (nullAt >= 0 && isObj(other) && typeof other.type === 'string' && other.type !== 'null') {
      const { anyOf: _drop, ...rest } = out;
      const merged: Json = { ...rest, ...other, nullable: true };
      // Ajv's nullable needs null among the allowed values when the values are listed.
      if (Array.isArray(merged.enum)) merged.enum = [...merged.enum, null];
      if ('const' in merged) { merged.enum = [merged.const, null]; delete merged.const; }
      return merged;
    }
  }
  return out;
}
