// Route schemas compiled on first use instead of at start-up. Fastify compiles every route's request validator (Ajv)
// and response serializer (fast-json-stringify) while the routes are registered: ~2.4 s of a 3.4 s start on an idle
// machine, most of it for routes a given process never serves. These compiler factories are Fastify's own defaults
// (taken from the copies Fastify itself depends on, with the server's `ajv` options), each compile deferred to the
// first request that needs it; the compiled function is kept, so later requests cost the same as before.
// A schema Ajv cannot compile now fails its route's first request (500) rather than the start; the fuzz test sends a
// request to every route, so such a schema still fails the test suite.
import type { FastifyServerOptions } from 'fastify';
import { createRequire } from 'node:module';

type Validate = ((data: unknown, ctx?: unknown) => unknown) & { errors?: unknown; schemaEnv?: unknown };
type Build<F> = (externalSchemas: unknown, options: unknown) => (route: unknown) => F;

// Resolved from Fastify's own folder: the same versions Fastify uses, without listing them as our dependencies.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const ajvCompiler = fromFastify('@fastify/ajv-compiler') as () => Build<Validate>;
const serializerCompiler = fromFastify('@fastify/fast-json-stringify-compiler') as () => Build<(data: unknown) => string>;

/** A validator that compiles on its first call and then behaves as the compiled one (its `errors` included). */
function lazyValidator(compile: () => Validate): Validate {
  let fn: Validate | undefined;
  const v: Validate = (data, ctx) => {
    fn ??= compile();
    const ok = fn(data, ctx) as unknown;
    if (ok && typeof (ok as Promise<unknown>).then === 'function') return (ok as Promise<unknown>).then((r) => { v.errors = fn!.errors; return r; });
    v.errors = fn.errors;
    return ok;
  };
  // Fastify passes the parent object (so Ajv may replace a coerced root value) when the function has a schemaEnv,
  // as every Ajv-compiled one does.
  v.schemaEnv = true;
  return v;
}

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/** `schemaController.compilersFactory` for Fastify: the default compilers, compiling lazily. */
export function lazyCompilersFactory(): CompilersFactory {
  const buildValidator = ajvCompiler();
  const buildSerializer = serializerCompiler();
  const factory = {
    buildValidator: (externalSchemas: unknown, options: unknown) => {
      const compile = buildValidator(externalSchemas, options);
      return (route: unknown) => lazyValidator(() => compile(route));
    },
    buildSerializer: (externalSchemas: unknown, options: unknown) => {
      const compile = buildSerializer(externalSchemas, options);
      return (route: unknown) => {
        let fn: ((data: unknown) => string) | undefined;
        return (data: unknown) => (fn ??= compile(route))(data);
      };
    },
  };
  return factory as unknown as CompilersFactory; // the functions Fastify's types describe, compiled later
}
