/**
 * The spellings of a .NET type reference in a ServiceStack `/types/metadata` document
 * (servicestack-metadata.md §1.3–§1.5), parsed into one small tree:
 *
 * - a property's `type` is `Type.Name` (`GetOperationName`): `Int32`, `Nullable`1`, `List`1`,
 *   `Dictionary`2`, `QueryResponse`1`, arrays `Int32[]`, `Nullable`1[]`, `Byte[]`; the arguments
 *   of a backtick name come apart in `genericArgs`;
 * - `genericArgs` entries and `inherits`/`returnType` arguments are written inline, recursively
 *   and without namespaces or arity (`ExpandTypeName` / `GetFullyQualifiedName`):
 *   `List<Int32>`, `Dictionary<String,List<Int32>>`, `Nullable<Int32>`.
 *
 * Both spellings give the same `TypeName`. The parser knows no type: resolving a name is the
 * metadata loader's business.
 */

export interface TypeName {
  /** The name as written, without its arity: `List`, `Int32`, `Outer.Inner`, `Voice.Api.Item`. */
  readonly name: string;
  /** The arity a backtick gave (`List`1` → 1); undefined when none was written. */
  readonly arity?: number;
  /** Generic arguments, written inline or supplied from `genericArgs`. */
  readonly args: readonly TypeName[];
  /** How many `[]` follow: `Int32[][]` → 2. The arguments belong to the element type. */
  readonly arrays: number;
}

/** Why a spelling does not parse (the loader turns it into a `schema` error naming the member). */
export class TypeNameProblem {
  constructor(readonly detail: string) {}
}

const IDENT = /[\p{L}_][\p{L}\p{N}_]*/uy;
const DIGITS = /\d+/y;

/**
 * Parses one type reference. `genericArgs` (the metadata's separate list) supplies the
 * arguments of a backtick name that has none inline (`Nullable`1` + `["Int32"]`); it is ignored
 * for a name without arity, where ServiceStack lists the collection element's arguments
 * (a `Struct : Dictionary<string,Value>` member), which the type's own declaration already says.
 */
export function parseTypeName(text: string, genericArgs?: readonly string[]): TypeName | TypeNameProblem {
  const p = new Parser(text);
  let parsed: TypeName;
  try {
    parsed = p.typeName();
    p.skipSpace();
    if (!p.atEnd()) return p.problem('unexpected text');
  } catch (e) {
    if (e instanceof TypeNameProblem) return e;
    throw e;
  }
  if (genericArgs === undefined || genericArgs.length === 0 || parsed.arity === undefined || parsed.args.length > 0) {
    if (parsed.arity !== undefined && parsed.args.length === 0) {
      return new TypeNameProblem(`"${text}" is generic of arity ${parsed.arity} but no genericArgs are given`);
    }
    return parsed;
  }
  if (genericArgs.length !== parsed.arity) {
    return new TypeNameProblem(
      `"${text}" takes ${parsed.arity} generic argument${parsed.arity === 1 ? '' : 's'}, genericArgs has ${genericArgs.length}`,
    );
  }
  const args: TypeName[] = [];
  for (const a of genericArgs) {
    if (typeof a !== 'string') return new TypeNameProblem(`genericArgs of "${text}" must be strings`);
    const arg = parseTypeName(a);
    if (arg instanceof TypeNameProblem) return arg;
    args.push(arg);
  }
  return { ...parsed, args };
}

/** The C#-like spelling of a parsed name (`Dictionary<String,List<Int32>>[]`), for messages. */
export function formatTypeName(t: TypeName): string {
  const head = t.args.length ? `${t.name}<${t.args.map(formatTypeName).join(',')}>` : t.arity !== undefined ? `${t.name}\`${t.arity}` : t.name;
  return head + '[]'.repeat(t.arrays);
}

/** The number of generic parameters: the written arity, else the inline arguments. */
export function arityOf(t: TypeName): number {
  return t.arity ?? t.args.length;
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  atEnd(): boolean {
    return this.i >= this.s.length;
  }

  skipSpace(): void {
    while (this.i < this.s.length && (this.s[this.i] === ' ' || this.s[this.i] === '\t')) this.i++;
  }

  problem(what: string): TypeNameProblem {
    const at = this.atEnd() ? 'at the end' : `at position ${this.i + 1}`;
    return new TypeNameProblem(`cannot parse type name "${this.s}": ${what} ${at}`);
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.i;
    const m = re.exec(this.s);
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  typeName(): TypeName {
    this.skipSpace();
    // Dotted (`Voice.Api.Item`, `Outer.Inner`) or CLR-nested (`Outer+Inner`) names.
    let name = this.match(IDENT);
    if (name === undefined) throw this.problem('expected a type name');
    while (this.s[this.i] === '.' || this.s[this.i] === '+') {
      this.i++;
      const part = this.match(IDENT);
      if (part === undefined) throw this.problem('expected a name after "."');
      name += '.' + part;
    }
    let arity: number | undefined;
    if (this.s[this.i] === '`') {
      this.i++;
      const d = this.match(DIGITS);
      if (d === undefined || Number(d) === 0) throw this.problem('expected the generic arity after "`"');
      arity = Number(d);
    }
    const args: TypeName[] = [];
    this.skipSpace();
    if (this.s[this.i] === '<') {
      this.i++;
      for (;;) {
        args.push(this.typeName());
        this.skipSpace();
        const c = this.s[this.i];
        if (c === ',') {
          this.i++;
          continue;
        }
        if (c === '>') {
          this.i++;
          break;
        }
        throw this.problem('expected "," or ">"');
      }
      if (arity !== undefined && arity !== args.length) {
        throw this.problem(`arity ${arity} but ${args.length} generic arguments`);
      }
    }
    let arrays = 0;
    for (;;) {
      this.skipSpace();
      if (this.s[this.i] !== '[') break;
      this.i++;
      this.skipSpace();
      // `Int32[,]` is a multi-dimensional array, which DataContractSerializer refuses.
      if (this.s[this.i] !== ']') throw this.problem('only one-dimensional arrays ("[]") are supported; expected "]"');
      this.i++;
      arrays++;
    }
    const t: { name: string; arity?: number; args: TypeName[]; arrays: number } = { name, args, arrays };
    if (arity !== undefined) t.arity = arity;
    return t;
  }
}
