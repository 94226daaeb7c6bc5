/**
 * Native execution of system-contract entry points reached through `casper_call_contract`
 * (execution_engine runtime `call_host_mint`, `call_host_handle_payment`, `call_host_auction`;
 * casper-vm1-abi.md §3.7): the mint here, handle payment in `handle-payment.ts`, the auction in
 * `auction/`. The standard payment contract is not native on the node (its stored Wasm is
 * empty). The mint's system-account-only paths throw a plain Error (an emulator limit, not an
 * execution result).
 *
 * Contract with the caller (call_contract), which does what it does for every callee first:
 * decode its inputs, check the host buffer, push the callee frame (StoredContract{package,
 * hash}) on `ctx.phase.callStack` (RuntimeStackOverflow), validate the URefs in `args` in the
 * caller's context (ForgedReference), and pop the frame afterwards. `ctx` is the caller's
 * invocation; the mint's immediate caller is the frame below the top one.
 */

import type { RuntimeContext } from '../engine/context';
import { executionError, revertError } from '../engine/errors';
import { bytesEqual } from '../types/bytes';
import { CLTypes } from '../types/cltype';
import { CLValue } from '../types/clvalue';
import type { RuntimeArgs } from '../types/runtime-args';
import type { URef } from '../types/uref';
import { callAuction } from './auction';
import { callHandlePayment } from './handle-payment';
import { chargeSystemCost, namedArg } from './system-call';
import { isSystemCaller, MintError, mintCreate, mintErrorCode, mintTransfer, readPurseBalance } from './transfer';

/** The mint's entry points (casper-types `system::mint::entry_points`, all Public, Contract). */
export const MINT_ENTRY_POINTS: readonly string[] = [
  'mint',
  'reduce_total_supply',
  'create',
  'balance',
  'transfer',
  'read_base_round_reward',
  'mint_into_existing_purse',
];

/** True if the mint has an entry point of that name (else call_contract traps NoSuchMethod). */
export function isSystemEntryPoint(ctx: RuntimeContext, contractHash: Uint8Array, entryPoint: string): boolean {
  return bytesEqual(contractHash, ctx.phase.services.system.mint) && MINT_ENTRY_POINTS.includes(entryPoint);
}

function notEmulated(what: string): Error {
  return new Error(`system contract call not emulated: ${what}`);
}

function resultUnitU8(error: number | undefined): CLValue {
  return CLValue.result(
    CLTypes.Unit,
    CLTypes.U8,
    error === undefined ? { ok: CLValue.unit() } : { err: CLValue.u8(error) },
  );
}

function callMint(ctx: RuntimeContext, entryPoint: string, args: RuntimeArgs): CLValue {
  const costs = ctx.phase.services.costs.system_costs.mint_costs;
  switch (entryPoint) {
    case 'transfer': {
      chargeSystemCost(ctx, costs.transfer);
      const to = namedArg(args, 'to', (v) => v.asOptionByteArray32());
      const source = namedArg(args, 'source', (v) => v.asURef());
      const target = namedArg(args, 'target', (v) => v.asURef());
      const amount = namedArg(args, 'amount', (v) => v.asU512());
      const id = namedArg(args, 'id', (v) => v.asOptionU64());
      return resultUnitU8(mintTransfer(ctx, { to, source, target, amount, id }));
    }
    case 'balance': {
      chargeSystemCost(ctx, costs.balance);
      const purse = namedArg(args, 'purse', (v) => v.asURef());
      const balance = readPurseBalance(ctx, purse.addr);
      if (balance === undefined) throw revertError(mintErrorCode(MintError.PurseNotFound));
      if (typeof balance !== 'bigint') throw revertError(mintErrorCode(balance.error));
      return CLValue.option(CLValue.u512(balance));
    }
    case 'create': {
      chargeSystemCost(ctx, costs.create);
      return CLValue.uref(mintCreate(ctx));
    }
    case 'mint': {
      chargeSystemCost(ctx, costs.mint);
      const amount = namedArg(args, 'amount', (v) => v.asU512());
      if (amount !== 0n && !isSystemCaller(ctx)) {
        return CLValue.result(CLTypes.URef, CLTypes.U8, { err: CLValue.u8(MintError.InvalidNonEmptyPurseCreation) });
      }
      if (amount !== 0n) throw notEmulated('mint.mint by the system account');
      const purse: URef = mintCreate(ctx);
      return CLValue.result(CLTypes.URef, CLTypes.U8, { ok: CLValue.uref(purse) });
    }
    case 'reduce_total_supply': {
      chargeSystemCost(ctx, costs.reduce_total_supply);
      namedArg(args, 'amount', (v) => v.asU512());
      if (isSystemCaller(ctx)) throw notEmulated('mint.reduce_total_supply by the system account');
      return CLValue.result(CLTypes.Unit, CLTypes.U8, {
        err: CLValue.u8(MintError.InvalidTotalSupplyReductionAttempt),
      });
    }
    case 'mint_into_existing_purse': {
      chargeSystemCost(ctx, costs.mint_into_existing_purse);
      namedArg(args, 'amount', (v) => v.asU512());
      namedArg(args, 'purse', (v) => v.asURef());
      if (isSystemCaller(ctx)) throw notEmulated('mint.mint_into_existing_purse by the system account');
      return resultUnitU8(MintError.InvalidContext);
    }
    case 'read_base_round_reward':
      throw notEmulated('mint.read_base_round_reward (genesis has no total supply)');
    default:
      throw executionError('NoSuchMethod', `No such method: ${entryPoint}`);
  }
}

/**
 * Runs `entryPoint` of the system contract `contractHash` natively for the caller `ctx` and
 * returns its result CLValue (URefs in it are granted to `ctx`). Mint: `transfer` → Result(Unit,
 * U8) (mint errors returned, not reverted), `balance` → Option(U512) (an unknown purse reverts
 * Mint(PurseNotFound) 65031), `create` → URef (READ_ADD_WRITE), `mint` / `reduce_total_supply` /
 * `mint_into_existing_purse` → their Err results for non-system callers. Missing argument →
 * Revert(2), wrong CLType or undecodable → Revert(3); unknown entry point → NoSuchMethod trap.
 * The chainspec `[system_costs.mint_costs]` entry is charged first (unless the immediate caller
 * is a system contract); the mint's storage is not charged.
 */
export function callSystemContract(
  ctx: RuntimeContext,
  contractHash: Uint8Array,
  entryPoint: string,
  args: RuntimeArgs,
): CLValue {
  const system = ctx.phase.services.system;
  if (bytesEqual(contractHash, system.mint)) return callMint(ctx, entryPoint, args);
  if (bytesEqual(contractHash, system.handlePayment)) return callHandlePayment(ctx, entryPoint, args);
  if (bytesEqual(contractHash, system.auction)) return callAuction(ctx, entryPoint, args);
  if (bytesEqual(contractHash, system.standardPayment)) {
    // Not native on the node: execute_contract loads its ContractWasm, stored empty at genesis.
    throw executionError('ParityWasm', 'I/O Error: UnexpectedEof');
  }
  throw new Error('callSystemContract: not a system contract');
}
