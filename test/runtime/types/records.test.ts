// Global-state records (Account, Contract, ContractPackage, EntryPoints, NamedKeys, Transfer, DeployInfo,
// Bid, EraInfo, Unbonding, Withdraw, StoredValue) against an independent reference encoder written from
// the casper-types 4.0.1 field order, with primitives taken from casper-js-sdk 5.
import * as sdk from 'casper-js-sdk';
import {
  type Account,
  type Bid,
  BytesReprError,
  type CLType,
  CLTypes,
  type Contract,
  type ContractPackage,
  currentContractVersion,
  type DeployInfo,
  decodeAccount,
  decodeBid,
  decodeContract,
  decodeContractPackage,
  decodeDeployInfo,
  decodeEntryPoints,
  decodeEraInfo,
  decodeNamedKeys,
  decodeStoredValue,
  decodeTransfer,
  defaultEntryPoint,
  type EntryPoint,
  type EntryPoints,
  type EraInfo,
  enabledVersions,
  encodeAccount,
  encodeBid,
  encodeContract,
  encodeContractPackage,
  encodeDeployInfo,
  encodeEntryPoints,
  encodeEraInfo,
  encodeNamedKeys,
  encodeStoredValue,
  encodeTransfer,
  entryPointsFrom,
  findVersionByHash,
  isVersionEnabled,
  type Key,
  namedKeysSerializedLength,
  namedKeysToCLValue,
  newAccount,
  nextContractVersion,
  PUBLIC_ACCESS,
  type PublicKey,
  type StoredValue,
  storedValueSerializedLength,
  storedValueTypeName,
  type Transfer,
  type UnbondingPurse,
  type URef,
  urefKey,
  type VestingSchedule,
  type WithdrawPurse,
} from '../../../runtime/types';
import {
  hex,
  Rng,
  randomCLType,
  randomKey,
  randomPublicKey,
  randomURef,
  toSdkKey,
  toSdkType,
  toSdkURef,
  unhex,
} from './helpers';

// ---- reference encoder (hex strings) -------------------------------------------------------------

const u8 = (v: number) => v.toString(16).padStart(2, '0');
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return b.toString('hex');
};
const u64 = (v: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return b.toString('hex');
};
const u512 = (v: bigint) => hex(sdk.CLValue.newCLUInt512(v.toString()).bytes());
const str = (s: string) => hex(sdk.CLValue.newCLString(s).bytes()); // ASCII only
const bool = (b: boolean) => (b ? '01' : '00');
const raw = (b: Uint8Array) => hex(b);
const bytesVec = (b: Uint8Array) => u32(b.length) + hex(b);
const uref = (u: URef) => hex(toSdkURef(u).bytes());
const key = (k: Key) => hex(toSdkKey(k).bytes());
const pubkey = (pk: PublicKey) => `0${pk.tag}${hex(pk.raw)}`;
const cltype = (t: CLType) => hex(toSdkType(t).toBytes());
const option = <T>(v: T | null, f: (x: T) => string) => (v === null ? '00' : `01${f(v)}`);
const vec = <T>(items: readonly T[], f: (x: T) => string) => u32(items.length) + items.map(f).join('');
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

function refNamedKeys(nk: ReadonlyMap<string, Key>): string {
  const entries = [...nk].sort((a, b) => byUtf8(a[0], b[0]));
  return u32(entries.length) + entries.map(([n, k]) => str(n) + key(k)).join('');
}

function refEntryPoint(ep: EntryPoint): string {
  return (
    str(ep.name) +
    vec(ep.args, (p) => str(p.name) + cltype(p.clType)) +
    cltype(ep.ret) +
    (ep.access.tag === 1 ? '01' : `02${vec(ep.access.groups, str)}`) +
    u8(ep.entryPointType)
  );
}

function refEntryPoints(eps: ReadonlyMap<string, EntryPoint>): string {
  const entries = [...eps].sort((a, b) => byUtf8(a[0], b[0]));
  return u32(entries.length) + entries.map(([n, ep]) => str(n) + refEntryPoint(ep)).join('');
}

function refAccount(a: Account): string {
  const assoc = a.associatedKeys.map((k) => raw(k.accountHash) + u8(k.weight)).sort(byBytes);
  return (
    raw(a.accountHash) +
    refNamedKeys(a.namedKeys) +
    uref(a.mainPurse) +
    u32(assoc.length) +
    assoc.join('') +
    u8(a.actionThresholds.deployment) +
    u8(a.actionThresholds.keyManagement)
  );
}

function refContract(c: Contract): string {
  const pv = c.protocolVersion;
  return (
    raw(c.contractPackageHash) +
    raw(c.contractWasmHash) +
    refNamedKeys(c.namedKeys) +
    refEntryPoints(c.entryPoints) +
    u32(pv.major) +
    u32(pv.minor) +
    u32(pv.patch)
  );
}

function refPackage(p: ContractPackage): string {
  const versions = [...p.versions]
    .sort((a, b) => a.protocolVersionMajor - b.protocolVersionMajor || a.contractVersion - b.contractVersion)
    .map((v) => u32(v.protocolVersionMajor) + u32(v.contractVersion) + raw(v.contractHash));
  const disabled = [...p.disabledVersions]
    .sort((a, b) => a.protocolVersionMajor - b.protocolVersionMajor || a.contractVersion - b.contractVersion)
    .map((v) => u32(v.protocolVersionMajor) + u32(v.contractVersion));
  const groups = [...p.groups].sort((a, b) => byUtf8(a[0], b[0]));
  return (
    uref(p.accessKey) +
    u32(versions.length) +
    versions.join('') +
    u32(disabled.length) +
    disabled.join('') +
    u32(groups.length) +
    groups
      .map(([label, urefs]) => {
        const us = urefs.map(uref).sort(byBytes);
        return str(label) + u32(us.length) + us.join('');
      })
      .join('') +
    bool(p.locked)
  );
}

function refTransfer(t: Transfer): string {
  return (
    raw(t.deployHash) +
    raw(t.from) +
    option(t.to, raw) +
    uref(t.source) +
    uref(t.target) +
    u512(t.amount) +
    u512(t.gas) +
    option(t.id, u64)
  );
}

function refDeployInfo(d: DeployInfo): string {
  return raw(d.deployHash) + vec(d.transfers, raw) + raw(d.from) + uref(d.source) + u512(d.gas);
}

function refVesting(v: VestingSchedule): string {
  return u64(v.initialReleaseTimestampMillis) + option(v.lockedAmounts, (a) => a.map(u512).join(''));
}

function refBid(b: Bid): string {
  const dels = b.delegators
    .map((e) => {
      const d = e.delegator;
      return [
        pubkey(e.publicKey),
        pubkey(d.delegatorPublicKey) +
          u512(d.stakedAmount) +
          uref(d.bondingPurse) +
          pubkey(d.validatorPublicKey) +
          option(d.vestingSchedule, refVesting),
      ];
    })
    .sort((x, y) => byBytes(x[0], y[0]));
  return (
    pubkey(b.validatorPublicKey) +
    uref(b.bondingPurse) +
    u512(b.stakedAmount) +
    u8(b.delegationRate) +
    option(b.vestingSchedule, refVesting) +
    u32(dels.length) +
    dels.map((x) => x[0] + x[1]).join('') +
    bool(b.inactive)
  );
}

function refEraInfo(e: EraInfo): string {
  return vec(e.seigniorageAllocations, (a) =>
    a.tag === 0
      ? `00${pubkey(a.validatorPublicKey)}${u512(a.amount)}`
      : `01${pubkey(a.delegatorPublicKey)}${pubkey(a.validatorPublicKey)}${u512(a.amount)}`,
  );
}

const refWithdraw = (w: WithdrawPurse) =>
  uref(w.bondingPurse) +
  pubkey(w.validatorPublicKey) +
  pubkey(w.unbonderPublicKey) +
  u64(w.eraOfCreation) +
  u512(w.amount);
const refUnbonding = (u: UnbondingPurse) => refWithdraw(u) + option(u.newValidator, pubkey);

function refStored(v: StoredValue): string {
  const body = (() => {
    switch (v.tag) {
      case 0:
        return hex(sdk.CLValueParser.toBytesWithType(sdk.CLValue.newCLUint64(7))); // only used with u64 7
      case 1:
        return refAccount(v.account);
      case 2:
        return bytesVec(v.contractWasm);
      case 3:
        return refContract(v.contract);
      case 4:
        return refPackage(v.contractPackage);
      case 5:
        return refTransfer(v.transfer);
      case 6:
        return refDeployInfo(v.deployInfo);
      case 7:
        return refEraInfo(v.eraInfo);
      case 8:
        return refBid(v.bid);
      case 9:
        return vec(v.withdraw, refWithdraw);
      case 10:
        return vec(v.unbonding, refUnbonding);
    }
  })();
  return u8(v.tag) + body;
}

// ---- random records (unique map keys, sdk-safe values) -------------------------------------------

function uniqueNames(rng: Rng, n: number): string[] {
  const s = new Set<string>();
  while (s.size < n) s.add(rng.ascii(10));
  return [...s];
}

function rNamedKeys(rng: Rng): Map<string, Key> {
  return new Map(uniqueNames(rng, rng.int(5)).map((n) => [n, randomKey(rng, true)]));
}

function rEntryPoint(rng: Rng, name: string): EntryPoint {
  return {
    name: rng.int(5) === 0 ? rng.ascii(8) : name,
    args: uniqueNames(rng, rng.int(4)).map((n) => ({ name: n, clType: randomCLType(rng, 2) })),
    ret: rng.int(6) === 0 ? CLTypes.Any : randomCLType(rng, 2),
    access: rng.bool() ? PUBLIC_ACCESS : { tag: 2, groups: uniqueNames(rng, rng.int(3)) },
    entryPointType: rng.int(2) as 0 | 1,
  };
}

function rEntryPoints(rng: Rng): EntryPoints {
  return new Map(uniqueNames(rng, rng.int(4)).map((n) => [n, rEntryPoint(rng, n)]));
}

function rAccount(rng: Rng): Account {
  const hashes = new Map<string, Uint8Array>();
  for (let i = rng.int(4); i > 0; i--) {
    const h = rng.bytes(32);
    hashes.set(hex(h), h);
  }
  return {
    accountHash: rng.bytes(32),
    namedKeys: rNamedKeys(rng),
    mainPurse: randomURef(rng),
    associatedKeys: [...hashes.values()].map((h) => ({ accountHash: h, weight: rng.int(256) })),
    actionThresholds: { deployment: rng.int(256), keyManagement: rng.int(256) },
  };
}

function rContract(rng: Rng): Contract {
  return {
    contractPackageHash: rng.bytes(32),
    contractWasmHash: rng.bytes(32),
    namedKeys: rNamedKeys(rng),
    entryPoints: rEntryPoints(rng),
    protocolVersion: { major: rng.int(3), minor: rng.u32(), patch: rng.int(10) },
  };
}

function rPackage(rng: Rng): ContractPackage {
  const vkeys = new Map<string, [number, number]>();
  for (let i = rng.int(5); i > 0; i--) {
    const k: [number, number] = [rng.pick([1, 2, 256, 0xffffffff]), 1 + rng.int(300)];
    vkeys.set(k.join('.'), k);
  }
  const versions = [...vkeys.values()].map(([m, v]) => ({
    protocolVersionMajor: m,
    contractVersion: v,
    contractHash: rng.bytes(32),
  }));
  const disabled = versions
    .filter(() => rng.bool())
    .map((v) => ({ protocolVersionMajor: v.protocolVersionMajor, contractVersion: v.contractVersion }));
  const groups = new Map<string, URef[]>();
  for (const label of uniqueNames(rng, rng.int(4))) {
    const us = new Map<string, URef>();
    for (let i = rng.int(4); i > 0; i--) {
      const u = randomURef(rng);
      us.set(hex(u.addr) + u.rights, u);
    }
    groups.set(label, [...us.values()]);
  }
  return { accessKey: randomURef(rng), versions, disabledVersions: disabled, groups, locked: rng.bool() };
}

function rTransfer(rng: Rng): Transfer {
  return {
    deployHash: rng.bytes(32),
    from: rng.bytes(32),
    to: rng.bool() ? rng.bytes(32) : null,
    source: randomURef(rng),
    target: randomURef(rng),
    amount: rng.ubig(256),
    gas: rng.ubig(256),
    id: rng.bool() ? rng.ubig(64) : null,
  };
}

function rDeployInfo(rng: Rng): DeployInfo {
  return {
    deployHash: rng.bytes(32),
    transfers: Array.from({ length: rng.int(4) }, () => rng.bytes(32)),
    from: rng.bytes(32),
    source: randomURef(rng),
    gas: rng.ubig(256),
  };
}

function rVesting(rng: Rng): VestingSchedule | null {
  if (rng.bool()) return null;
  return {
    initialReleaseTimestampMillis: rng.ubig(64),
    lockedAmounts: rng.bool() ? null : Array.from({ length: 14 }, () => rng.ubig(256)),
  };
}

function rBid(rng: Rng): Bid {
  const dels = new Map<string, PublicKey>();
  for (let i = rng.int(4); i > 0; i--) {
    const pk = randomPublicKey(rng);
    dels.set(hex(pk.raw), pk);
  }
  return {
    validatorPublicKey: randomPublicKey(rng),
    bondingPurse: randomURef(rng),
    stakedAmount: rng.ubig(256),
    delegationRate: rng.int(256),
    vestingSchedule: rVesting(rng),
    delegators: [...dels.values()].map((pk) => ({
      publicKey: pk,
      delegator: {
        delegatorPublicKey: pk,
        stakedAmount: rng.ubig(256),
        bondingPurse: randomURef(rng),
        validatorPublicKey: randomPublicKey(rng),
        vestingSchedule: rVesting(rng),
      },
    })),
    inactive: rng.bool(),
  };
}

function rEraInfo(rng: Rng): EraInfo {
  return {
    seigniorageAllocations: Array.from({ length: rng.int(4) }, () =>
      rng.bool()
        ? { tag: 0 as const, validatorPublicKey: randomPublicKey(rng), amount: rng.ubig(256) }
        : {
            tag: 1 as const,
            delegatorPublicKey: randomPublicKey(rng),
            validatorPublicKey: randomPublicKey(rng),
            amount: rng.ubig(256),
          },
    ),
  };
}

function rWithdraw(rng: Rng): WithdrawPurse {
  return {
    bondingPurse: randomURef(rng),
    validatorPublicKey: randomPublicKey(rng),
    unbonderPublicKey: randomPublicKey(rng),
    eraOfCreation: rng.ubig(64),
    amount: rng.ubig(256),
  };
}

function rUnbonding(rng: Rng): UnbondingPurse {
  return { ...rWithdraw(rng), newValidator: rng.bool() ? randomPublicKey(rng) : null };
}

/** Sorted copies (what decoding yields), for toEqual comparisons. */
function sortedAccount(a: Account): Account {
  return { ...a, associatedKeys: [...a.associatedKeys].sort((x, y) => Buffer.compare(x.accountHash, y.accountHash)) };
}

function sortedPackage(p: ContractPackage): ContractPackage {
  const cmp = (a: { protocolVersionMajor: number; contractVersion: number }, b: typeof a) =>
    a.protocolVersionMajor - b.protocolVersionMajor || a.contractVersion - b.contractVersion;
  return {
    ...p,
    versions: [...p.versions].sort(cmp),
    disabledVersions: [...p.disabledVersions].sort(cmp),
    groups: new Map(
      [...p.groups].map(([l, us]) => [
        l,
        [...us].sort((a, b) => Buffer.compare(Buffer.from(uref(a), 'hex'), Buffer.from(uref(b), 'hex'))),
      ]),
    ),
  };
}

function sortedBid(b: Bid): Bid {
  return {
    ...b,
    delegators: [...b.delegators].sort((x, y) => byBytes(pubkey(x.publicKey), pubkey(y.publicKey))),
  };
}

type Codec<T> = {
  name: string;
  gen: (rng: Rng) => T;
  enc: (v: T) => Uint8Array;
  dec: (b: Uint8Array) => { ok: boolean; value?: T; error?: number };
  ref: (v: T) => string;
  norm: (v: T) => T;
};

const codecs: Codec<any>[] = [
  { name: 'Account', gen: rAccount, enc: encodeAccount, dec: decodeAccount, ref: refAccount, norm: sortedAccount },
  { name: 'Contract', gen: rContract, enc: encodeContract, dec: decodeContract, ref: refContract, norm: (c) => c },
  {
    name: 'ContractPackage',
    gen: rPackage,
    enc: encodeContractPackage,
    dec: decodeContractPackage,
    ref: refPackage,
    norm: sortedPackage,
  },
  { name: 'Transfer', gen: rTransfer, enc: encodeTransfer, dec: decodeTransfer, ref: refTransfer, norm: (t) => t },
  {
    name: 'DeployInfo',
    gen: rDeployInfo,
    enc: encodeDeployInfo,
    dec: decodeDeployInfo,
    ref: refDeployInfo,
    norm: (t) => t,
  },
  { name: 'Bid', gen: rBid, enc: encodeBid, dec: decodeBid, ref: refBid, norm: sortedBid },
  { name: 'EraInfo', gen: rEraInfo, enc: encodeEraInfo, dec: decodeEraInfo, ref: refEraInfo, norm: (t) => t },
  {
    name: 'EntryPoints',
    gen: rEntryPoints,
    enc: encodeEntryPoints,
    dec: decodeEntryPoints,
    ref: refEntryPoints,
    norm: (t) => t,
  },
  { name: 'NamedKeys', gen: rNamedKeys, enc: encodeNamedKeys, dec: decodeNamedKeys, ref: refNamedKeys, norm: (t) => t },
];

function rStored(rng: Rng): StoredValue {
  switch (rng.int(10) + 1) {
    case 1:
      return { tag: 1, account: sortedAccount(rAccount(rng)) };
    case 2:
      return { tag: 2, contractWasm: rng.bytes(rng.int(50)) };
    case 3:
      return { tag: 3, contract: rContract(rng) };
    case 4:
      return { tag: 4, contractPackage: sortedPackage(rPackage(rng)) };
    case 5:
      return { tag: 5, transfer: rTransfer(rng) };
    case 6:
      return { tag: 6, deployInfo: rDeployInfo(rng) };
    case 7:
      return { tag: 7, eraInfo: rEraInfo(rng) };
    case 8:
      return { tag: 8, bid: sortedBid(rBid(rng)) };
    case 9:
      return { tag: 9, withdraw: Array.from({ length: rng.int(3) }, () => rWithdraw(rng)) };
    default:
      return { tag: 10, unbonding: Array.from({ length: rng.int(3) }, () => rUnbonding(rng)) };
  }
}

describe.each(codecs)('$name', (c) => {
  test('1,000 random records: bytes equal the reference encoding, which decodes back', () => {
    const rng = new Rng(0xe0 + codecs.indexOf(c));
    for (let i = 0; i < 1000; i++) {
      const v = c.gen(rng);
      const mine = c.enc(v);
      const ref = c.ref(v);
      expect(hex(mine)).toBe(ref);
      expect(c.dec(unhex(ref))).toEqual({ ok: true, value: c.norm(v) });
    }
  });

  test('strict prefixes → EarlyEndOfStream, an extra byte → LeftOverBytes, junk never throws', () => {
    const rng = new Rng(0xf0 + codecs.indexOf(c));
    for (let i = 0; i < 30; i++) {
      const b = c.enc(c.gen(rng));
      for (let n = 0; n < b.length; n++) expect(c.dec(b.subarray(0, n))).toEqual({ ok: false, error: 17 });
      expect(c.dec(new Uint8Array([...b, 0]))).toEqual({ ok: false, error: 19 });
      // random single-byte corruption: a result, never an exception
      for (let k = 0; k < 20; k++) {
        const m = b.slice();
        m[rng.int(m.length)] = rng.int(256);
        const r = c.dec(m);
        if (!r.ok) expect([17, 18, 19, 39]).toContain(r.error);
      }
    }
    for (let i = 0; i < 500; i++) {
      const r = c.dec(rng.bytes(rng.int(120)));
      if (!r.ok) expect([17, 18, 19, 39]).toContain(r.error);
    }
  });
});

describe('StoredValue', () => {
  test('1,000 random stored values: tag + record bytes equal the reference; decode back; length', () => {
    const rng = new Rng(0xe9);
    for (let i = 0; i < 1000; i++) {
      const v = rStored(rng);
      const mine = encodeStoredValue(v);
      expect(hex(mine)).toBe(refStored(v));
      expect(storedValueSerializedLength(v)).toBe(mine.length);
      expect(decodeStoredValue(mine)).toEqual({ ok: true, value: v });
    }
    const cl: StoredValue = { tag: 0, clValue: sdkU64Seven() };
    expect(hex(encodeStoredValue(cl))).toBe(refStored(cl));
    expect(storedValueSerializedLength(cl)).toBe(14);
    expect(storedValueTypeName(cl)).toBe('CLValue');
  });

  test('unknown tag → Formatting; strict prefixes → EarlyEndOfStream', () => {
    for (let tag = 11; tag < 256; tag++) {
      expect(decodeStoredValue(new Uint8Array([tag, 0, 0, 0, 0]))).toEqual({ ok: false, error: 18 });
    }
    const rng = new Rng(0xea);
    for (let i = 0; i < 50; i++) {
      const b = encodeStoredValue(rStored(rng));
      for (let n = 0; n < b.length; n++) expect(decodeStoredValue(b.subarray(0, n))).toEqual({ ok: false, error: 17 });
    }
  });
});

function sdkU64Seven() {
  const d = decodeStoredValue(new Uint8Array([0, ...sdk.CLValueParser.toBytesWithType(sdk.CLValue.newCLUint64(7))]));
  if (!d.ok || d.value.tag !== 0) throw new Error('bad');
  return d.value.clValue;
}

describe('worked examples and fixed vectors', () => {
  test('example 5: EntryPoints { counter_inc: no args, Unit, Public, Contract }', () => {
    const eps = entryPointsFrom([
      { name: 'counter_inc', args: [], ret: CLTypes.Unit, access: PUBLIC_ACCESS, entryPointType: 1 },
    ]);
    const expected = '01000000 0b000000 636f756e7465725f696e63 0b000000 636f756e7465725f696e63 00000000 09 01 01';
    expect(hex(encodeEntryPoints(eps))).toBe(hex(unhex(expected)));
    expect(decodeEntryPoints(unhex(expected))).toEqual({ ok: true, value: eps });
  });

  test('example 6: NamedKeys { counter: Key::URef(0x2a×32, 7) }', () => {
    const nk = new Map([['counter', urefKey({ addr: new Uint8Array(32).fill(0x2a), rights: 7 })]]);
    const expected = `01000000 07000000 636f756e746572 02 ${'2a'.repeat(32)} 07`;
    expect(hex(encodeNamedKeys(nk))).toBe(hex(unhex(expected)));
    expect(namedKeysSerializedLength(nk)).toBe(unhex(expected).length);
    // as the CLValue load_named_keys returns, equal to casper-js-sdk's Map(String, Key)
    const m = sdk.CLValue.newCLMap(sdk.CLTypeString, sdk.CLTypeKey);
    m.map!.append(sdk.CLValue.newCLString('counter'), sdk.CLValue.newCLKey(toSdkKey(nk.get('counter')!)));
    expect(hex(namedKeysToCLValue(nk).encode())).toBe(hex(sdk.CLValueParser.toBytesWithType(m)));
  });

  test('NamedKeys: sorted by UTF-8 bytes, unsorted/duplicate input accepted (later wins)', () => {
    const a = { tag: 1 as const, addr: new Uint8Array(32).fill(1) };
    const b = { tag: 1 as const, addr: new Uint8Array(32).fill(2) };
    const nk = new Map<string, Key>([
      ['b', a],
      ['a', b],
      ['\u{1F600}', a],
      ['\uFFFD', b],
    ]);
    const enc = encodeNamedKeys(nk);
    const names = [...(decodeNamedKeys(enc) as { value: Map<string, Key> }).value.keys()];
    expect(names).toEqual(['a', 'b', '\uFFFD', '\u{1F600}']);
    const dup = unhex(`02000000 01000000 78 01${'01'.repeat(32)} 01000000 78 01${'02'.repeat(32)}`);
    const d = decodeNamedKeys(dup);
    expect(d).toEqual({ ok: true, value: new Map([['x', b]]) });
  });

  test('Account: newAccount defaults and an exact vector', () => {
    const acct = newAccount(new Uint8Array(32).fill(0x11), { addr: new Uint8Array(32).fill(0x22), rights: 7 });
    const expected = `${'11'.repeat(32)} 00000000 ${'22'.repeat(32)}07 01000000 ${'11'.repeat(32)}01 01 01`;
    expect(hex(encodeAccount(acct))).toBe(hex(unhex(expected)));
    expect(encodeStoredValue({ tag: 1, account: acct }).length).toBe(109); // the ABI note's "fresh account" size
  });

  test('ContractPackage: fresh package is 47 bytes as a StoredValue; version helpers', () => {
    const fresh: ContractPackage = {
      accessKey: { addr: new Uint8Array(32).fill(7), rights: 7 },
      versions: [],
      disabledVersions: [],
      groups: new Map(),
      locked: false,
    };
    expect(encodeStoredValue({ tag: 4, contractPackage: fresh }).length).toBe(47);
    const h = (n: number) => new Uint8Array(32).fill(n);
    const p: ContractPackage = {
      ...fresh,
      versions: [
        { protocolVersionMajor: 1, contractVersion: 2, contractHash: h(2) },
        { protocolVersionMajor: 1, contractVersion: 1, contractHash: h(1) },
        { protocolVersionMajor: 2, contractVersion: 1, contractHash: h(3) },
      ],
      disabledVersions: [{ protocolVersionMajor: 2, contractVersion: 1 }],
    };
    expect(nextContractVersion(p, 1)).toBe(3);
    expect(nextContractVersion(p, 2)).toBe(2);
    expect(nextContractVersion(p, 3)).toBe(1);
    expect(enabledVersions(p).map((v) => v.contractVersion)).toEqual([2, 1]);
    expect(currentContractVersion(p)?.contractHash).toEqual(h(2));
    expect(isVersionEnabled(p, { protocolVersionMajor: 2, contractVersion: 1 })).toBe(false);
    expect(findVersionByHash(p, h(1))?.contractVersion).toBe(1);
    // versions sorted numerically (not bytewise): (1,256) after (1,2)
    const q: ContractPackage = {
      ...fresh,
      versions: [
        { protocolVersionMajor: 1, contractVersion: 256, contractHash: h(9) },
        { protocolVersionMajor: 1, contractVersion: 2, contractHash: h(8) },
      ],
    };
    const enc = hex(encodeContractPackage(q));
    expect(enc.indexOf('0100000002000000')).toBeLessThan(enc.indexOf('0100000000010000'));
  });

  test('decode errors specific to records', () => {
    const ep = (tail: string) => unhex(`01000000 01000000 61 01000000 61 00000000 09 ${tail}`);
    expect(decodeEntryPoints(ep('01 01'))).toEqual({
      ok: true,
      value: new Map([['a', { ...defaultEntryPoint(), name: 'a', entryPointType: 1 }]]),
    });
    expect(decodeEntryPoints(ep('01 02'))).toEqual({ ok: false, error: BytesReprError.Formatting }); // entry point type
    expect(decodeEntryPoints(ep('00 01'))).toEqual({ ok: false, error: BytesReprError.Formatting }); // access tag 0
    expect(decodeEntryPoints(ep('03 01'))).toEqual({ ok: false, error: BytesReprError.Formatting }); // access tag 3 (2.0 Template)
    const pkg = unhex(`${'00'.repeat(32)}07 00000000 00000000 00000000 02`);
    expect(decodeContractPackage(pkg)).toEqual({ ok: false, error: BytesReprError.Formatting }); // lock status bool
    expect(decodeEraInfo(unhex('01000000 02'))).toEqual({ ok: false, error: BytesReprError.Formatting });
  });
});
