/**
 * DTO classes in the style `@servicestack/client` users generate (`/types/typescript`,
 * servicestack-metadata.md §2.5 and §2.7): a partial-init constructor that `Object.assign`s,
 * `getTypeName()`, `getMethod()` and `createResponse()`. The bound codecs take the type from
 * `getTypeName()` when none is given, and write only the instance's own enumerable data
 * properties (declared-but-unset fields are own properties holding `undefined`: omitted like null).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { bind, DtoFormatError, json, jsv, xml, type CustomerInfo as CustomerInfoShape } from '../../src/index.js';
import { zoo } from '../support/zoo.js';
import type { ZooTypes } from './zoo.types.js';

interface IReturn<T> {
  createResponse(): T;
}

class CustomerInfo implements Partial<CustomerInfoShape> {
  public id?: string;
  public name?: string;
  public constructor(init?: Partial<CustomerInfo>) {
    Object.assign(this, init);
  }
}

class SetCustomerStagingMode implements IReturn<CustomerInfo> {
  /** The ID of the customer you want to update */
  public customerId?: string;
  public isStaging?: boolean;
  public constructor(init?: Partial<SetCustomerStagingMode>) {
    Object.assign(this, init);
  }
  public getTypeName() {
    return 'SetCustomerStagingMode';
  }
  public getMethod() {
    return 'POST';
  }
  public createResponse() {
    return new CustomerInfo();
  }
}

/** A zoo request in the same style, for a registry other than the built-in one. */
class Outer {
  public name?: string;
  public inner?: { depth?: number };
  public constructor(init?: Partial<Outer>) {
    Object.assign(this, init);
  }
  public getTypeName() {
    return 'Outer';
  }
  public createResponse() {}
}

describe('@servicestack/client DTO instances', () => {
  const dto = new SetCustomerStagingMode({ customerId: 'c1', isStaging: true });

  it('the class declares its fields as own properties (ES2022 class fields), methods on the prototype', () => {
    expect(Object.keys(new SetCustomerStagingMode())).toEqual(['customerId', 'isStaging']);
    expect(Object.keys(dto)).not.toContain('getTypeName');
  });

  it('encode(instance) takes the type from getTypeName(), in every format', () => {
    expect(json.encode(dto)).toBe('{"customerId":"c1","isStaging":true}');
    expect(jsv.encode(dto)).toBe('{customerId:c1,isStaging:True}');
    expect(xml.encode(dto, { declaration: false })).toBe(
      '<SetCustomerStagingMode xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/Voice.Api.Customers">' +
        '<CustomerId>c1</CustomerId><IsStaging>true</IsStaging></SetCustomerStagingMode>',
    );
    // The second argument is then the options (revision included).
    expect(json.encode(dto, { revision: 2 })).toBe(json.encode('SetCustomerStagingMode', { customerId: 'c1', isStaging: true }));
  });

  it('unset fields are omitted as nulls are, and value types take their default', () => {
    expect(json.encode(new SetCustomerStagingMode())).toBe('{"isStaging":false}');
    expect(json.encode(new SetCustomerStagingMode({ customerId: 'x' }))).toBe('{"customerId":"x","isStaging":false}');
  });

  it('an explicit type name takes precedence and accepts the instance as the value', () => {
    expect(json.encode('SetCustomerStagingMode', dto)).toBe('{"customerId":"c1","isStaging":true}');
  });

  it('works for any bound registry', () => {
    const zooCodecs = bind<ZooTypes>(zoo);
    expect(zooCodecs.json.encode(new Outer({ name: 'o', inner: { depth: 1 } }))).toBe('{"name":"o","inner":{"depth":1}}');
    expect(zooCodecs.jsv.encode(new Outer())).toBe('{}');
  });

  it('a name the registry does not know is a usage error naming it', () => {
    const stranger = { getTypeName: () => 'Nope', x: 1 };
    expect(() => json.encode(stranger)).toThrow(DtoFormatError);
    expect(() => json.encode(stranger)).toThrow(/unknown type "Nope"/);
    expect(() => bind<ZooTypes>(zoo).json.encode(dto)).toThrow(/unknown type "SetCustomerStagingMode"/);
  });

  it('types: the instance overload takes any object with getTypeName(), options second', () => {
    expectTypeOf(json.encode).toBeCallableWith(dto);
    expectTypeOf(json.encode).toBeCallableWith(dto, { revision: 1 });
    // @ts-expect-error a plain object without getTypeName() needs a type
    expectTypeOf(json.encode).toBeCallableWith({ customerId: 'c1' });
  });
});
