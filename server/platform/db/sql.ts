// Tagged SQL: `sql\`select * from t where id = ${id}\`` becomes a parameterised query.
// Fragments compose (a `Sql` inside another is inlined with its own parameters renumbered).

export class Sql {
  constructor(readonly strings: readonly string[], readonly values: readonly unknown[]) {}

  /** Render to PostgreSQL text with $1.. placeholders and the flat parameter list. */
  compile(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const walk = (s: Sql): string => {
      let text = s.strings[0];
      s.values.forEach((v, i) => {
        if (v instanceof Sql) text += walk(v);
        else if (v instanceof Raw) text += v.text;
        else {
          values.push(v);
          text += `$${values.length}`;
        }
        text += s.strings[i + 1];
      });
      return text;
    };
    return { text: walk(this), values };
  }
}

class Raw {
  constructor(readonly text: string) {}
}

/** Build a parameterised SQL fragment. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Trusted SQL text (identifiers, keywords): never pass user input here. */
sql.raw = (text: string): Sql => new Sql(['', ''], [new Raw(text)]);

/** Join fragments with a separator (default ', '). */
sql.join = (parts: Sql[], separator = ', '): Sql => {
  if (parts.length === 0) return sql.raw('');
  const strings = [''];
  for (let i = 1; i < parts.length; i++) strings.push(separator);
  strings.push('');
  return new Sql(strings, parts);
};

/** `a and b and c`, or `true` when empty. */
sql.and = (parts: (Sql | undefined | false)[]): Sql => {
  const kept = parts.filter((p): p is Sql => p instanceof Sql);
  return kept.length ? sql`(${sql.join(kept, ' and ')})` : sql.raw('true');
};

/** A quoted identifier, checked against a safe pattern. */
sql.id = (name: string): Sql => {
  if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  return sql.raw(name);
};
