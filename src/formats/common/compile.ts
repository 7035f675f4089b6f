/**
 * How every codec compiles: one reader or writer per descriptor, made on first use and cached
 * by the descriptor object (descriptors are per schema revision, so the cache is too), so the
 * hot path never walks the schema.
 */
import type {
  ClassDescriptor,
  DictionaryDescriptor,
  EnumDescriptor,
  ListDescriptor,
  NullableDescriptor,
  ScalarDescriptor,
  TypeDescriptor,
} from '../../schema/descriptors.js';
import { typeLabel } from '../../schema/descriptors.js';

/** What a codec makes for each kind of descriptor. */
export interface Compilers<F> {
  scalar(t: ScalarDescriptor): F;
  enum(t: EnumDescriptor): F;
  nullable(t: NullableDescriptor): F;
  list(t: ListDescriptor): F;
  /**
   * A dictionary type, or the dictionary a class derives from (`Struct`), which every format
   * reads and writes as that dictionary; `label` names it in messages (the class's own name).
   */
  dictionary(t: DictionaryDescriptor, label: string): F;
  class(t: ClassDescriptor): F;
}

/**
 * The compiled F of each descriptor, made once. Compilers must not reach their members
 * eagerly: a cyclic type (Struct → Value → List<Struct>) would come back to a class that is
 * not cached yet. They resolve members on first call, when the whole graph is in the cache.
 */
export function compiledPerDescriptor<F>(compilers: Compilers<F>): (t: TypeDescriptor) => F {
  const cache = new WeakMap<TypeDescriptor, F>();
  return (t) => {
    let f = cache.get(t);
    if (f === undefined) {
      f = compileKind(t, compilers);
      cache.set(t, f);
    }
    return f;
  };
}

function compileKind<F>(t: TypeDescriptor, c: Compilers<F>): F {
  switch (t.kind) {
    case 'scalar':
      return c.scalar(t);
    case 'enum':
      return c.enum(t);
    case 'nullable':
      return c.nullable(t);
    case 'list':
      return c.list(t);
    case 'dictionary':
      return c.dictionary(t, typeLabel(t));
    case 'class':
      return t.dictionary ? c.dictionary(t.dictionary, t.name) : c.class(t);
  }
}
