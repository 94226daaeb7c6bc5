// Contract builders (Parameter, EntryPointAccess, EntryPoint, EntryPoints) against a reference
// encoder/decoder written here from casper-types 4.0.1 `contracts.rs` (the 1.5 format; casper-js-sdk 5
// has no bytes for 1.5 entry points) and worked example 5 of the ABI note. CLType builders are
// checked against casper-js-sdk's CLType toBytes().
import {
  type CLType,
  CLTypeAny,
  CLTypeByteArray,
  CLTypeKey,
  CLTypeList,
  CLTypeMap,
  CLTypeOption,
  CLTypePublicKey,
  CLTypeResult,
  CLTypeString,
  CLTypeTuple1,
  CLTypeTuple2,
  CLTypeTuple3,
  CLTypeUInt32,
  CLTypeUInt64,
  CLTypeUInt128,
  CLTypeUInt512,
  CLTypeUnit,
  CLTypeUref,
} from 'casper-js-sdk';
import { getBytes, type Harness, loadHarness, putBytes } from '../helpers/harness';
import { int, pick, prng, randBytes, type Rng } from '../helpers/prng';

jest.setTimeout(60_000);

const hex = (b: ArrayLike<number>): string => Buffer.from(Uint8Array.from(b as number[])).toString('hex');
const u32le = (n: number): number[] => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];
const str = (s: string): number[] => {
  const b = Array.from(Buffer.from(s, 'utf8'));
  return [...u32le(b.length), ...b];
};
const list = <X>(xs: X[], f: (x: X) => number[]): number[] => [...u32le(xs.length), ...xs.flatMap(f)];
const byteCmp = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

let h: Harness;
beforeEach(() => {
  h = loadHarness('codec');
});

function call(fn: string, ...inputs: number[][]): number[] {
  const ptrs = inputs.map((b) => putBytes(h, Uint8Array.from(b), h.STATIC_ARRAY_U8_ID.value));
  return Array.from(getBytes(h, h[fn](...ptrs)));
}

/** Splits u32-length-prefixed parts. */
function parts(out: number[]): string[] {
  const res: string[] = [];
  for (let p = 0; p < out.length; ) {
    const n = out[p] | (out[p + 1] << 8) | (out[p + 2] << 16) | (out[p + 3] << 24);
    res.push(hex(out.slice(p + 4, p + 4 + n)));
    p += 4 + n;
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// The model and its reference bytes (casper-types ToBytes).

interface Param {
  name: string;
  type: number[];
}
interface EP {
  name: string;
  args: Param[];
  ret: number[];
  groups: string[] | null;
  ty: number;
}

const refParam = (p: Param): number[] => [...str(p.name), ...p.type];
const refAccess = (g: string[] | null): number[] => (g === null ? [1] : [2, ...list(g, str)]);
const refEP = (e: EP): number[] => [...str(e.name), ...list(e.args, refParam), ...e.ret, ...refAccess(e.groups), e.ty];

/** EntryPoints bytes from (key, entry point) pairs: later duplicates win, sorted by key bytes. */
function refEntryPoints(pairs: [string, number[]][]): number[] {
  const m = new Map<string, number[]>();
  for (const [k, v] of pairs) m.set(k, v);
  const sorted = [...m.entries()].sort((a, b) => byteCmp(a[0], b[0]));
  return [...u32le(sorted.length), ...sorted.flatMap(([k, v]) => [...str(k), ...v])];
}

/** The harness's buildEntryPoints spec. */
function spec(eps: EP[]): number[] {
  return list(eps, (e) => [
    ...str(e.name),
    ...list(e.args, (p) => [...str(p.name), ...list(p.type, (b) => [b])]),
    ...list(e.ret, (b) => [b]),
    ...(e.groups === null ? [0] : [1, ...list(e.groups, str)]),
    e.ty,
  ]);
}

/** A random CLType as bytes (all 23 tags), up to `depth` levels. */
function genType(rng: Rng, depth: number): number[] {
  const tag = depth <= 1 ? pick(rng, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 21, 22]) : int(rng, 23);
  if (tag === 15) return [15, ...u32le(int(rng, 64))];
  if (tag === 13 || tag === 14 || tag === 18) return [tag, ...genType(rng, depth - 1)];
  if (tag === 16 || tag === 17 || tag === 19) return [tag, ...genType(rng, depth - 1), ...genType(rng, depth - 1)];
  if (tag === 20) return [tag, ...genType(rng, depth - 1), ...genType(rng, depth - 1), ...genType(rng, depth - 1)];
  return [tag];
}

const NAMES = ['call', 'init', 'counter_inc', 'counter_get', 'transfer', 'a', 'b', 'é', '\u{1F600}', '\uE000', ''];

function genName(rng: Rng): string {
  if (rng() < 0.6) return pick(rng, NAMES);
  let s = '';
  for (let i = int(rng, 8); i > 0; i--) s += String.fromCharCode(0x61 + int(rng, 26));
  return s;
}

function genEP(rng: Rng): EP {
  const args = Array.from({ length: int(rng, 4) }, (): Param => {
    const r = int(rng, 4);
    if (r === 0) return { name: `u64:${genName(rng)}`, type: [5] };
    if (r === 1) return { name: `str:${genName(rng)}`, type: [10] };
    if (r === 2) return { name: `unit:${genName(rng)}`, type: [9] };
    return { name: genName(rng), type: genType(rng, 1 + int(rng, 4)) };
  });
  const groups = rng() < 0.5 ? null : Array.from({ length: int(rng, 4) }, () => genName(rng));
  return { name: genName(rng), args, ret: genType(rng, 1 + int(rng, 3)), groups, ty: int(rng, 2) };
}

// ---------------------------------------------------------------------------------------------
// Reference decoder (casper-types FromBytes): throws DecodeError(code) at the first error.

class DecodeError extends Error {
  constructor(public code: number) {
    super(`bytesrepr error ${code}`);
  }
}

class Reader {
  pos = 0;
  constructor(public b: number[]) {}
  take(n: number): number[] {
    if (n > this.b.length - this.pos) throw new DecodeError(17);
    const out = this.b.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  u8(): number {
    return this.take(1)[0];
  }
  u32(): number {
    const b = this.take(4);
    return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
  }
  string(): string {
    const b = Buffer.from(this.take(this.u32()));
    const s = b.toString('utf8');
    if (!Buffer.from(s, 'utf8').equals(b)) throw new DecodeError(18);
    return s;
  }
  clType(depth = 0): number[] {
    const start = this.pos;
    if (depth >= 50) throw new DecodeError(39);
    const tag = this.u8();
    if (tag === 15) this.u32();
    else if (tag === 13 || tag === 14 || tag === 18) this.clType(depth + 1);
    else if (tag === 16 || tag === 17 || tag === 19) {
      this.clType(depth + 1);
      this.clType(depth + 1);
    } else if (tag === 20) {
      this.clType(depth + 1);
      this.clType(depth + 1);
      this.clType(depth + 1);
    } else if (tag > 22) throw new DecodeError(18);
    return this.b.slice(start, this.pos);
  }
  vec<X>(f: () => X): X[] {
    const n = this.u32();
    const out: X[] = [];
    for (let i = 0; i < n; i++) out.push(f());
    return out;
  }
  entryPoint(): EP {
    const name = this.string();
    const args = this.vec(() => {
      const n = this.string();
      return { name: n, type: this.clType() };
    });
    const ret = this.clType();
    const tag = this.u8();
    let groups: string[] | null = null;
    if (tag === 2) groups = this.vec(() => this.string());
    else if (tag !== 1) throw new DecodeError(18);
    const ty = this.u8();
    if (ty > 1) throw new DecodeError(18);
    return { name, args, ret, groups, ty };
  }
}

/** Whole-input decode: [error] or [0, ...re-encoded]. */
function expectFrom(bytes: number[], f: (r: Reader) => number[]): number[] {
  const r = new Reader(bytes);
  let out: number[];
  try {
    out = f(r);
  } catch (e) {
    if (e instanceof DecodeError) return [e.code];
    throw e;
  }
  return r.pos === bytes.length ? [0, ...out] : [19];
}

const refDecEntryPoints = (r: Reader): number[] => {
  const pairs = r.vec((): [string, number[]] => {
    const k = r.string();
    return [k, refEP(r.entryPoint())];
  });
  return refEntryPoints(pairs);
};

/** One to three bytes changed, a byte inserted or a byte removed. */
function mutate(rng: Rng, b: number[]): number[] {
  const out = [...b];
  const r = int(rng, 4);
  if (r === 0 || out.length === 0) out.splice(int(rng, out.length + 1), 0, int(rng, 256));
  else if (r === 1) out.splice(int(rng, out.length), 1);
  else
    for (let i = 0; i <= int(rng, 3); i++)
      out[int(rng, out.length)] = pick(rng, [0, 1, 2, 3, 9, 23, 0xff, int(rng, 256)]);
  return out;
}

const N = 1000;

// ---------------------------------------------------------------------------------------------

describe('EntryPoints (1.5 format)', () => {
  test('worked example 5 of the ABI note: counter_inc, no args, Unit, Public, Contract', () => {
    const ex = '010000000b000000636f756e7465725f696e630b000000636f756e7465725f696e63000000000901' + '01';
    const ep: EP = { name: 'counter_inc', args: [], ret: [9], groups: null, ty: 1 };
    const names = list(['counter_inc'], str);
    expect(hex(call('buildEntryPoints', spec([ep])))).toBe(`00${ex}${hex(u32le(1))}${hex(names)}`);
    expect(hex(call('rtEntryPoints', Array.from(Buffer.from(ex, 'hex'))))).toBe(`00${ex}`);
  });

  test('EntryPoint defaults mirror casper-types EntryPoint::default (call, no args, Unit, Public, Session)', () => {
    const def = refEP({ name: 'call', args: [], ret: [9], groups: null, ty: 0 });
    expect(hex(def)).toBe('0400000063616c6c00000000090100');
    expect(call('rtEntryPoint', def)).toEqual([0, ...def]);
    // new EntryPoint(), new Parameter(), new EntryPointAccess(), new EntryPoints(), new CLValue().
    expect(parts(call('defaults'))).toEqual([hex(def), '0000000009', '01', '00000000', '0000000009']);
  });

  test(`${N} random entry point sets built with addEntryPoint match casper-types bytes; get/has`, () => {
    const rng = prng(1515);
    for (let i = 0; i < N; i++) {
      const eps = Array.from({ length: int(rng, 5) }, () => genEP(rng));
      const want = refEntryPoints(eps.map((e) => [e.name, refEP(e)]));
      const names = [...new Set(eps.map((e) => e.name))].sort(byteCmp);
      const out = call('buildEntryPoints', spec(eps));
      expect(hex(out)).toBe(hex([0, ...want, ...u32le(names.length), ...list(names, str)]));
      expect(call('rtEntryPoints', want)).toEqual([0, ...want]);
      // get/has: the last entry point added under each name.
      const queries = [...names, 'missing'];
      const last = new Map(eps.map((e) => [e.name, e]));
      const answers = queries.flatMap((q) => {
        const e = last.get(q);
        return e ? [1, e.groups === null ? 1 : 0, ...refEP(e)] : [0];
      });
      expect(hex(call('entryPointsGet', want, list(queries, str)))).toBe(hex([0, ...answers]));
    }
  });

  test('map keys need not equal entry point names (kept as decoded); later duplicate keys win', () => {
    const a = refEP({ name: 'x', args: [], ret: [9], groups: [], ty: 0 });
    const b = refEP({
      name: 'y',
      args: [{ name: 'p', type: [15, 32, 0, 0, 0] }],
      ret: [13, 5],
      groups: ['admin', 'ops'],
      ty: 1,
    });
    const raw = [...u32le(3), ...str('k2'), ...a, ...str('k1'), ...b, ...str('k2'), ...b];
    const want = refEntryPoints([
      ['k1', b],
      ['k2', b],
    ]);
    expect(hex(call('rtEntryPoints', raw))).toBe(hex([0, ...want]));
  });

  test('truncated → 17, extended → 19; random and mutated bytes → casper-types’ exact result', () => {
    const rng = prng(1516);
    const random = (): number[] => {
      const eps = Array.from({ length: 1 + int(rng, 2) }, () => genEP(rng));
      return refEntryPoints(eps.map((e) => [e.name, refEP(e)]));
    };
    for (let i = 0; i < 60; i++) {
      const b = random();
      for (let n = 0; n < b.length; n++) expect(call('rtEntryPoints', b.slice(0, n))).toEqual([17]);
      expect(call('rtEntryPoints', [...b, 0])).toEqual([19]);
    }
    const codes = new Set<number>();
    for (let i = 0; i < N; i++) {
      const b = i % 4 === 0 ? randBytes(rng, int(rng, 40)) : mutate(rng, random());
      const want = expectFrom(b, refDecEntryPoints);
      codes.add(want[0]);
      expect(hex(call('rtEntryPoints', b))).toBe(hex(want));
    }
    expect([...codes].sort((x, y) => x - y)).toEqual([0, 17, 18, 19]);
  });

  test('exact errors: entry point type, access tag, CLType depth and tags, UTF-8', () => {
    const ep = (ret: number[], access: number[], ty: number): number[] => [
      ...str('f'),
      ...u32le(0),
      ...ret,
      ...access,
      ty,
    ];
    expect(call('rtEntryPoint', ep([9], [1], 2))).toEqual([18]);
    expect(call('rtEntryPoint', ep([9], [1], 1))).toEqual([0, ...ep([9], [1], 1)]);
    expect(call('rtEntryPoint', ep([9], [0], 1))).toEqual([18]);
    expect(call('rtEntryPoint', ep([9], [3], 1))).toEqual([18]);
    expect(call('rtEntryPoint', ep([9], [2, ...u32le(1), ...u32le(1), 0xff], 1))).toEqual([18]);
    expect(call('rtEntryPoint', ep([23], [1], 1))).toEqual([18]);
    expect(call('rtEntryPoint', ep([...Array(50).fill(13), 9], [1], 1))).toEqual([39]);
    const deep = ep([...Array(49).fill(13), 9], [1], 1);
    expect(call('rtEntryPoint', deep)).toEqual([0, ...deep]);
    const badParam = [...str('f'), ...u32le(1), ...str('p'), ...Array(51).fill(14), ...[9, 1, 1]];
    expect(call('rtEntryPoint', badParam)).toEqual([39]);
    // A Vec count larger than the input still reports the first element's own error.
    const bigCount = [...str('f'), 0xff, 0xff, 0xff, 0xff, ...str('p'), 99];
    expect(call('rtEntryPoint', bigCount)).toEqual([18]);
  });
});

describe('CLType builders', () => {
  test('clType* helpers and clTypeOf equal casper-js-sdk CLType bytes', () => {
    const types: CLType[] = [
      new CLTypeOption(CLTypeUInt64),
      new CLTypeList(CLTypeString),
      new CLTypeByteArray(32),
      new CLTypeResult(CLTypeUnit, CLTypeUInt32),
      new CLTypeMap(CLTypeString, CLTypeKey),
      new CLTypeTuple1(CLTypeUref),
      new CLTypeTuple2(CLTypePublicKey, CLTypeUInt512),
      new CLTypeTuple3(CLTypeAny, CLTypeUInt128, new CLTypeList(new CLTypeOption(CLTypeUInt64))),
      new CLTypeByteArray(7),
      new CLTypeList(new CLTypeByteArray(3)),
      new CLTypeMap(CLTypeString, CLTypeKey),
      new CLTypeMap(CLTypeString, CLTypeKey),
    ];
    expect(parts(call('clTypeBuilders'))).toEqual(types.map((t) => hex(t.toBytes())));
  });
});
