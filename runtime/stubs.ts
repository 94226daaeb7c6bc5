/**
 * Contracts implemented in JavaScript, for tests: `installStub` writes a real ContractPackage,
 * Contract (entry points Public, type Contract unless listed as Session) and an empty ContractWasm
 * into a TestEnv's state, so `casper_call_contract` / `casper_call_versioned_contract` find it
 * and run every check a Wasm contract gets (NoSuchMethod, frames, argument URef validation and
 * attenuation); only the execution is the JS function. Every call is logged on the stub. A
 * handler reverts by throwing `revertError(code)`; a returned CLValue is what `casper_ret` would
 * return (its URefs must be valid in the callee context), `undefined` returns Unit.
 */

import type { EngineServices, RuntimeContext } from './engine/context';
import type { TestEnv } from './env';
import { PROTOCOL_VERSION } from './system/genesis';
import { TrackingCopy } from './state/tracking-copy';
import { blake2b256 } from './types/blake2b';
import { bytesToHex, concatBytes } from './types/bytes';
import { CLTypes } from './types/cltype';
import { CLValue } from './types/clvalue';
import type { Contract, ContractPackage } from './types/contract';
import { type EntryPoint, type EntryPoints, PUBLIC_ACCESS } from './types/entry-points';
import { hashKey, urefKey } from './types/key';
import type { NamedKeys } from './types/named-keys';
import type { RuntimeArgs } from './types/runtime-args';
import { AccessRights, newURef } from './types/uref';

export { revertError } from './engine/errors';

/** What a stub entry point sees besides its arguments. */
export interface StubCallContext {
  /** The callee's invocation context (base key, named keys, access rights; `phase` has tc, gas, call stack). */
  readonly runtime: RuntimeContext;
  /** The stub's contract hash. */
  readonly contractHash: Uint8Array;
  /** The stub's package hash. */
  readonly packageHash: Uint8Array;
}

/** One entry point: returns the value `ret` would return, or undefined for Unit; throws to fail. */
export type StubEntryPoint = (args: RuntimeArgs, ctx: StubCallContext) => CLValue | undefined;

/** A JS-implemented contract. */
export interface ContractStub {
  /** Entry points by name. */
  readonly entryPoints: Readonly<Record<string, StubEntryPoint>>;
  /** Names of entry points stored with type Session (default: all are type Contract). */
  readonly sessionEntryPoints?: readonly string[];
  /** Named keys of the stored Contract record. */
  readonly namedKeys?: NamedKeys;
}

/** One logged call. */
export interface StubCall {
  /** Entry point called. */
  readonly entryPoint: string;
  /** Arguments as the callee received them (after main-purse attenuation). */
  readonly args: RuntimeArgs;
}

/** An installed stub. */
export interface InstalledStub {
  /** Contract hash to pass to call_contract. */
  readonly contractHash: Uint8Array;
  /** Package hash to pass to call_versioned_contract. */
  readonly packageHash: Uint8Array;
  /** Every call made to it, in order (also calls whose phase later failed). */
  readonly calls: StubCall[];
}

/** A stub as the call path finds it. */
export interface StubRecord {
  readonly stub: ContractStub;
  readonly installed: InstalledStub;
}

/** Installs `stub` into `env`'s committed state and registers it for calls. */
export function installStub(env: TestEnv, stub: ContractStub): InstalledStub {
  const stubs = env.services.stubs;
  const seed = concatBytes(
    new TextEncoder().encode('casper-as stub'),
    Uint8Array.of(stubs.size & 0xff, stubs.size >> 8),
  );
  const derive = (label: number) => blake2b256(concatBytes(seed, Uint8Array.of(label)));
  const packageHash = derive(0);
  const contractHash = derive(1);
  const wasmHash = derive(2);
  const accessKey = newURef(derive(3), AccessRights.READ_ADD_WRITE);

  const entryPoints: EntryPoints = new Map();
  for (const name of Object.keys(stub.entryPoints)) {
    const ep: EntryPoint = {
      name,
      args: [],
      ret: CLTypes.Unit,
      access: PUBLIC_ACCESS,
      entryPointType: stub.sessionEntryPoints?.includes(name) ? 0 : 1,
    };
    entryPoints.set(name, ep);
  }
  const major = env.services.protocolMajor;
  const contract: Contract = {
    contractPackageHash: packageHash,
    contractWasmHash: wasmHash,
    namedKeys: new Map(stub.namedKeys ?? []),
    entryPoints,
    protocolVersion: { ...PROTOCOL_VERSION, major },
  };
  const pkg: ContractPackage = {
    accessKey,
    versions: [{ protocolVersionMajor: major, contractVersion: 1, contractHash }],
    disabledVersions: [],
    groups: new Map(),
    locked: false,
  };
  const tc = new TrackingCopy(env.state);
  tc.write(urefKey(accessKey), { tag: 0, clValue: CLValue.unit() });
  tc.write(hashKey(wasmHash), { tag: 2, contractWasm: new Uint8Array(0) });
  tc.write(hashKey(contractHash), { tag: 3, contract });
  tc.write(hashKey(packageHash), { tag: 4, contractPackage: pkg });
  tc.commit();

  const installed: InstalledStub = { contractHash, packageHash, calls: [] };
  stubs.set(bytesToHex(contractHash), { stub, installed });
  return installed;
}

/** The stub installed under `contractHash` in the environment of `services`, if any. */
export function findStub(services: EngineServices, contractHash: Uint8Array): StubRecord | undefined {
  return services.stubs.get(bytesToHex(contractHash));
}

/** Logs and runs one call of a stub in the callee context; null when it returned nothing (Unit). */
export function runStub(
  record: StubRecord,
  callee: RuntimeContext,
  entryPoint: string,
  args: RuntimeArgs,
): CLValue | null {
  record.installed.calls.push({ entryPoint, args });
  const handler = record.stub.entryPoints[entryPoint];
  if (!handler) throw new Error(`stub has no entry point ${entryPoint}`);
  const { contractHash, packageHash } = record.installed;
  return handler(args, { runtime: callee, contractHash, packageHash }) ?? null;
}
