/**
 * The namespace bindings in scope at a point of the output, as .NET's XmlWriter tracks them.
 * Scopes are interned (the same parent + binding gives the same object), so the encoder can
 * key compiled writers by scope identity: two places of the document with the same bindings
 * produce the same bytes for the same value.
 */
export class Scope {
  private static nextId = 0;
  readonly id: number;
  private readonly children = new Map<string, Scope>();

  private constructor(
    readonly parent: Scope | undefined,
    /** `''` for the default namespace. */
    readonly prefix: string,
    readonly ns: string,
  ) {
    this.id = Scope.nextId++;
  }

  static readonly EMPTY = new Scope(undefined, '', '');

  bind(prefix: string, ns: string): Scope {
    const key = prefix + '\u0000' + ns;
    let s = this.children.get(key);
    if (!s) {
      s = new Scope(this, prefix, ns);
      this.children.set(key, s);
    }
    return s;
  }

  /**
   * `XmlWellFormedWriter.LookupPrefix`: the innermost prefix bound to `ns` (`''` = the
   * default namespace), or undefined when none is, or when that prefix has been rebound
   * further in.
   */
  lookup(ns: string): string | undefined {
    for (let s: Scope | undefined = this; s && s !== Scope.EMPTY; s = s.parent) {
      if (s.ns !== ns) continue;
      for (let inner: Scope = this; inner !== s; inner = inner.parent!) {
        if (inner.prefix === s.prefix) return undefined;
      }
      return s.prefix;
    }
    return undefined;
  }
}
