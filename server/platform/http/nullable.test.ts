// A `T | null` body field keeps its null: Ajv's type coercion (needed for query strings) must not turn a cleared
// number into 0, a cleared string into "" or a cleared choice into a value.
import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { nullableUnions } from './nullable.js';

async function echo(schema: unknown) {
  const app = Fastify({ ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false } } });
  app.addHook('onRoute', (route) => {
    if (route.schema?.body) route.schema = { ...route.schema, body: nullableUnions(route.schema.body) };
  });
  app.post('/x', { schema: { body: schema } }, async (req) => ({ got: req.body }));
  await app.ready();
  return app;
}

describe('nullable body fields', () => {
  const Body = Type.Object({
    n: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
    s: Type.Union([Type.Null(), Type.String({ minLength: 2 })]),
    k: Type.Union([Type.Literal('a'), Type.Null()]),
    e: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    list: Type.Array(Type.Object({ at: Type.Union([Type.String({ format: 'date' }), Type.Null()]) })),
  });

  it('null stays null for numbers, strings and literals, nested too', async () => {
    const app = await echo(Body);
    const r = await app.inject({ method: 'POST', url: '/x', payload: { n: null, s: null, k: null, e: null, list: [{ at: null }] } });
    expect(r.statusCode).toBe(200);
    expect(r.json().got).toEqual({ n: null, s: null, k: null, e: null, list: [{ at: null }] });
  });

  it('values still validate and coerce as before', async () => {
    const app = await echo(Body);
    const ok = await app.inject({ method: 'POST', url: '/x', payload: { n: '3', s: 'ab', k: 'a', list: [{ at: '2022-01-01' }] } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().got).toMatchObject({ n: 3, s: 'ab', k: 'a' });
    for (const bad of [{ n: -1 }, { s: 'a' }, { k: 'b' }, { list: [{ at: 'yesterday' }] }]) {
      const r = await app.inject({ method: 'POST', url: '/x', payload: { n: 1, s: 'ab', k: 'a', list: [], ...bad } });
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
    }
  });

  it('without the rewrite, the coercion this guards against is real', async () => {
    const app = Fastify({ ajv: { customOptions: { coerceTypes: 'array' } } });
    app.post('/x', { schema: { body: Type.Object({ n: Type.Union([Type.Number(), Type.Null()]) }) } }, async (req) => ({ got: req.body }));
    const r = await app.inject({ method: 'POST', url: '/x', payload: { n: null } });
    expect(r.json().got).toEqual({ n: 0 });
  });
});
