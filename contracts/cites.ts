// Cites of the law library held by other domains' records (checklist items, self-check template items): kept apart from
// contracts/law.ts so that any contract can use them without an import cycle.
import { Type, type TSchema } from '@sinclair/typebox';
import { Uuid } from './common.js';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** What a record stores of an article it cites: the source as people name it, the article, and the article it resolved to. */
export const LawCite = Type.Object({ source: Type.String({ minLength: 1, maxLength: 200 }), article: Type.Optional(Type.String({ maxLength: 40 })), articleId: Type.Optional(Uuid) });
/** A cite as of a day: the article of the version in force then (following a replacing source), or why it is not resolved. */
export const CitedArticle = Type.Object({
  source: Type.String(), article: N(Type.String()), articleId: N(Uuid), resolved: Type.Boolean(), label: N(Type.String()), sourceTitle: N(Type.String()),
  docNumber: N(Type.String()), version: N(Type.String()), text: N(Type.String()), verified: N(Type.Boolean()), note: N(Type.String()),
});
/** An item's cites: as sent (LawCite) or as returned (CitedArticle, which carries the same three fields). */
export const ItemCites = Type.Optional(Type.Array(LawCite, { maxItems: 10 }));
