/**
 * The mint's native entry-point bodies and the plumbing every caller of the mint shares
 * (casper-node 1.5.6 `execution_engine/src/system/mint.rs` Mint::{transfer, mint, balance},
 * `core/runtime/mint_internal.rs`, `core/runtime/mod.rs` record_transfer / execute_contract;
 * casper-vm1-abi.md §3.6–3.7).
 *
 * Conventions shared with `dispatch.ts` and the host transfers: mint code runs with the mint's
 * frame on top of `ctx.phase.callStack` (pushed by `inMintFrame` or by call_contract), so the
 * mint's immediate caller is the frame below it. `ctx` is always the *caller's* invocation: the
 * mint writes state directly (system context: no storage gas) and its results' URefs are granted
 * to the caller.
 */

import { Phase, type RuntimeContext } from '../engine/context';
import { executionError } from '../engine/errors';
import { bytesEqual, bytesToHex } from '../types/bytes';
import type { CallStackElement } from '../types/call-stack';
import { CLValue } from '../types/clvalue';
import { balanceKey, hashKey, transferKey } from '../types/key';
import { publicKeyAccountHash, SYSTEM_PUBLIC_KEY } from '../types/public-key';
import { storedCLValue } from '../types/stored-value';
import { isAddable, isReadable, isWriteable, type URef } from '../types/uref';
import { createPurse } from './mint';

/** Account hash of the system account (PublicKey::System). */
export const SYSTEM_ACCOUNT_HASH: Uint8Array = publicKeyAccountHash(SYSTEM_PUBLIC_KEY);

/** Mint error numbers used here (casper-types `system::mint::Error`). */
export const MintError = {
  InsufficientFunds: 0,
  SourceNotFound: 1,
  DestNotFound: 2,
  InvalidAccessRights: 4,
  InvalidNonEmptyPurseCreation: 5,
  PurseNotFound: 7,
  CLValue: 15,
  EqualSourceAndTarget: 17,
  InvalidContext: 20,
  UnapprovedSpendingAmount: 21,
  InvalidTotalSupplyReductionAttempt: 11,
} as const;

/** `ApiError::Mint(n)` as a u32 code (65024 + n). */
export function mintErrorCode(n: number): number {
  return 65024 + n;
}

const U512_MASK = (1n << 512n) - 1n;

/** Arguments of the mint's `transfer`. */
export interface MintTransferRequest {
  /** Target account (`to: Option<AccountHash>`), null = None. */
  readonly to: Uint8Array | null;
  /** Source purse with the rights the caller passed. */
  readonly source: URef;
  /** Target purse with the rights the caller passed (needs ADD). */
  readonly target: URef;
  /** Motes. */
  readonly amount: bigint;
  /** Transfer id, null = None. */
  readonly id: bigint | null;
}

/** The mint's immediate caller: the frame under the mint's own (top) frame. */
export function mintImmediateCaller(ctx: RuntimeContext): CallStackElement | undefined {
  const stack = ctx.phase.callStack;
  return stack[stack.length - 2];
}

/** True if the deploy's account is the system account (`get_caller() == PublicKey::System`). */
export function isSystemCaller(ctx: RuntimeContext): boolean {
  return bytesEqual(ctx.phase.account.accountHash, SYSTEM_ACCOUNT_HASH);
}

/**
 * Runs `body` with the mint's StoredContract frame pushed, as the node's host functions reach
 * the mint through call_contract: the mint contract and its package are read (Identity effects),
 * then a full stack (max_runtime_call_stack_height frames) traps RuntimeStackOverflow.
 */
export function inMintFrame<T>(ctx: RuntimeContext, body: () => T): T {
  const { tc, services, callStack } = ctx.phase;
  const mintHash = services.system.mint;
  const stored = tc.read(hashKey(mintHash));
  if (!stored || stored.tag !== 3) throw new Error(`no mint contract at hash-${bytesToHex(mintHash)}`);
  const packageHash = stored.contract.contractPackageHash;
  tc.read(hashKey(packageHash));
  if (callStack.length >= services.costs.core.max_runtime_call_stack_height) {
    throw executionError('RuntimeStackOverflow', 'Runtime stack overflow');
  }
  callStack.push({ tag: 2, contractPackageHash: packageHash, contractHash: mintHash });
  try {
    return body();
  } finally {
    callStack.pop();
  }
}

/**
 * The mint's `read_balance`: the U512 at Key::Balance(addr), undefined if absent, or the mint
 * error CLValue (15) for a value of another kind (unreachable with genesis state).
 */
export function readPurseBalance(ctx: RuntimeContext, addr: Uint8Array): bigint | undefined | { error: number } {
  const v = ctx.phase.tc.read(balanceKey(addr));
  if (!v) return undefined;
  if (v.tag !== 0) return { error: MintError.CLValue };
  const r = v.clValue.asU512();
  return r.ok ? r.value : { error: MintError.CLValue };
}

/**
 * Mint::transfer with the node's checks in its order; returns undefined on success or the mint
 * error number. Only `allow_unrestricted_transfers = true` (the public-chain setting) is emulated.
 * On success: source balance written, target balance added (AddUInt512), the spending limit of
 * the deploy account's main purse reduced, and in the Session phase a Transfer record written at
 * Key::Transfer(new address) and its address recorded in `ctx.phase.transfers`.
 */
export function mintTransfer(ctx: RuntimeContext, req: MintTransferRequest): number | undefined {
  const phase = ctx.phase;
  const { source, target, amount } = req;
  if (phase.phase === Phase.Session && mintImmediateCaller(ctx)?.tag === 1) return MintError.InvalidContext;
  if (!phase.services.costs.core.allow_unrestricted_transfers) {
    throw new Error('mint transfer: allow_unrestricted_transfers = false is not emulated');
  }
  if (!isReadable(source.rights)) return MintError.InvalidAccessRights;
  if (!isWriteable(source.rights) || !isAddable(target.rights)) return MintError.InvalidAccessRights;
  const sourceBalance = readPurseBalance(ctx, source.addr);
  if (sourceBalance === undefined) return MintError.SourceNotFound;
  if (typeof sourceBalance !== 'bigint') return sourceBalance.error;
  if (amount > sourceBalance) return MintError.InsufficientFunds;
  const targetBalance = readPurseBalance(ctx, target.addr);
  if (targetBalance === undefined) return MintError.DestNotFound;
  if (typeof targetBalance !== 'bigint') return targetBalance.error;
  if (!isSystemCaller(ctx) && bytesEqual(phase.account.mainPurse.addr, source.addr)) {
    if (amount > phase.spendingLimit) return MintError.UnapprovedSpendingAmount;
    phase.spendingLimit -= amount;
  }
  const tc = phase.tc;
  tc.write(balanceKey(source.addr), storedCLValue(CLValue.u512(sourceBalance - amount)));
  // The add composes with whatever is there now (the write above when source = target).
  const current = tc.peek(balanceKey(target.addr));
  const base = current?.tag === 0 ? current.clValue.asU512() : undefined;
  const sum = ((base?.ok ? base.value : 0n) + amount) & U512_MASK;
  tc.add(balanceKey(target.addr), storedCLValue(CLValue.u512(sum)), 'AddUInt512');
  if (phase.phase === Phase.Session) {
    const addr = phase.rng.createAddress();
    phase.transfers.push(addr);
    tc.write(transferKey(addr), {
      tag: 5,
      transfer: {
        deployHash: phase.deployHash,
        from: phase.account.accountHash,
        to: req.to,
        source,
        target,
        amount,
        gas: 0n,
        id: req.id,
      },
    });
  }
  return undefined;
}

/**
 * Mint::mint(0) as `create` runs it: a new purse (READ_ADD_WRITE, Unit at Key::URef, balance 0
 * at Key::Balance) from the phase RNG, granted to the caller `ctx` (URefs in a system result).
 */
export function mintCreate(ctx: RuntimeContext): URef {
  const purse = createPurse(ctx.phase.tc, ctx.phase.rng);
  ctx.grant(purse);
  return purse;
}

/**
 * `ContextAccessRights::grant_access`: adds `uref`'s rights to the caller's known set and
 * returns the rights that were newly granted (0 = already held).
 */
export function grantAccess(ctx: RuntimeContext, uref: URef): number {
  const id = bytesToHex(uref.addr);
  const known = ctx.accessRights.get(id);
  if (known === undefined) {
    ctx.accessRights.set(id, uref.rights);
    return uref.rights;
  }
  ctx.accessRights.set(id, known | uref.rights);
  return uref.rights & ~known;
}

/** `ContextAccessRights::remove_access`: clears `rights` bits (the address stays known). */
export function removeAccess(ctx: RuntimeContext, addr: Uint8Array, rights: number): void {
  const id = bytesToHex(addr);
  const known = ctx.accessRights.get(id);
  if (known !== undefined) ctx.accessRights.set(id, known & ~rights);
}

/**
 * The host's `mint_transfer`: validates the source in the caller (ForgedReference), enters the
 * mint frame, validates the call's URef arguments (source, target) in the caller as
 * call_contract does, and runs Mint::transfer. Returns undefined or the mint error number. No
 * gas: the node discards the mint's gas for host transfers.
 */
export function hostMintTransfer(ctx: RuntimeContext, req: MintTransferRequest): number | undefined {
  ctx.validateURef(req.source);
  return inMintFrame(ctx, () => {
    ctx.validateURef(req.source);
    ctx.validateURef(req.target);
    return mintTransfer(ctx, req);
  });
}
