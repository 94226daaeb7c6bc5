/**
 * Execution contexts. A PhaseContext is shared by every invocation of one deploy phase (the
 * tracking copy, the gas meter, the address generator, the call stack, the deploy's account and
 * approvals). A RuntimeContext is one invocation: the session's `call`, or a contract entry point
 * reached through call_contract, with its own instance, memory, named keys, access rights, args
 * and host buffer (execution_engine `runtime_context`).
 */

import type { ChainspecCosts } from '../costs';
import type { AddressGenerator } from '../state/address-generator';
import type { TrackingCopy } from '../state/tracking-copy';
import type { Account } from '../types/account';
import { bytesToHex } from '../types/bytes';
import type { CallStackElement } from '../types/call-stack';
import type { CLValue } from '../types/clvalue';
import type { Key } from '../types/key';
import type { RuntimeArgs } from '../types/runtime-args';
import { rightsContain, type URef, urefToFormattedString } from '../types/uref';
import { forgedReference } from './errors';
import type { GasMeter } from './gas';
import type { GuestMemory } from './memory';
import type { ModuleCache } from './module-cache';
import type { StubRecord } from '../stubs';

/** Execution phases (casper-types `Phase`). */
export const Phase = { System: 0, Payment: 1, Session: 2, FinalizePayment: 3 } as const;

/** Hashes of the system contracts (from the SystemContractRegistry). */
export interface SystemContracts {
  readonly mint: Uint8Array;
  readonly handlePayment: Uint8Array;
  readonly standardPayment: Uint8Array;
  readonly auction: Uint8Array;
}

/** What an invocation needs from the environment it runs in. */
export interface EngineServices {
  /** Chainspec costs and limits in force. */
  readonly costs: ChainspecCosts;
  /** Compiled, validated modules by content. */
  readonly modules: ModuleCache;
  /** System contract hashes. */
  readonly system: SystemContracts;
  /** Protocol version major (contract versions are keyed by it). */
  readonly protocolMajor: number;
  /** Where `casper_print` output goes. */
  readonly log: (line: string) => void;
  /** JS-implemented contracts installed in this environment, by contract hash (hex). */
  readonly stubs: Map<string, StubRecord>;
}

/** State shared by all invocations of one phase of one deploy. */
export interface PhaseContext {
  readonly services: EngineServices;
  readonly tc: TrackingCopy;
  readonly gas: GasMeter;
  readonly rng: AddressGenerator;
  readonly phase: number;
  /** Block time, ms since the Unix epoch. */
  readonly blocktime: bigint;
  readonly deployHash: Uint8Array;
  /** Approval account hashes, sorted ascending and deduplicated. */
  readonly authorizationKeys: readonly Uint8Array[];
  /** The deploy's account, as loaded at phase start. */
  readonly account: Account;
  /** Frames of the running invocations (the session frame first). */
  readonly callStack: CallStackElement[];
  /** Motes the deploy may still spend from the account's main purse (the `amount` arg). */
  spendingLimit: bigint;
  /** Transfer record addresses written in this phase. */
  readonly transfers: Uint8Array[];
}

/** One invocation. */
export class RuntimeContext {
  /** The single host buffer slot (`casper_read_host_buffer`). */
  hostBuffer: CLValue | null = null;
  /** Set by `casper_ret`. */
  returned: CLValue | null = null;
  /** Guest memory (set once the instance exists). */
  memory!: GuestMemory;

  constructor(
    readonly phase: PhaseContext,
    /** The base key: the account (session code, Session entry points) or the contract. */
    readonly baseKey: Key,
    /** Named keys of the base key, as this invocation sees them. */
    readonly namedKeys: Map<string, Key>,
    /** Known URef addresses (hex) → union of rights. */
    readonly accessRights: Map<string, number>,
    /** This invocation's arguments. */
    readonly args: RuntimeArgs,
    /** True when running in the deploy account's context (session code or a Session entry point). */
    readonly accountContext: boolean,
  ) {}

  /** Adds a URef's rights to the known set. */
  grant(uref: URef): void {
    const id = bytesToHex(uref.addr);
    this.accessRights.set(id, (this.accessRights.get(id) ?? 0) | uref.rights);
  }

  /** True if the context holds the URef's address with at least its rights. */
  isValidURef(uref: URef): boolean {
    const known = this.accessRights.get(bytesToHex(uref.addr));
    return known !== undefined && rightsContain(known, uref.rights);
  }

  /** Traps with ForgedReference unless the URef is valid here. */
  validateURef(uref: URef): void {
    if (!this.isValidURef(uref)) throw forgedReference(urefToFormattedString(uref));
  }
}
