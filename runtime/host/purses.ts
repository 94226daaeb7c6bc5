/**
 * Purses, balances, transfers and system contract hashes (execution_engine runtime
 * `create_purse`, `get_balance_host_buffer`, `transfer_to_account`,
 * `transfer_from_purse_to_account_hash`, `transfer_from_purse_to_purse`, `get_system_contract`;
 * casper-vm1-abi.md §3.6–3.7). The mint's own checks live in `runtime/system/transfer.ts`.
 */

import type { RuntimeContext } from '../engine/context';
import { executionError } from '../engine/errors';
import { newAccount } from '../types/account';
import { fromBytes } from '../types/bytesrepr';
import { CLValue } from '../types/clvalue';
import { accountKey, accountHashToFormattedString, decodeAccountHash } from '../types/key';
import { AccessRights, decodeURef, encodeURef, type URef, urefEquals, withAccessRights } from '../types/uref';
import {
  grantAccess,
  hostMintTransfer,
  inMintFrame,
  MintError,
  mintCreate,
  mintErrorCode,
  readPurseBalance,
  removeAccess,
} from '../system/transfer';
import { chargeHost, chargeStorage, type HostHandlers, unwrapDecode } from './handler';

const INVALID_PURSE = 12;
const PURSE_NOT_CREATED = 30;
const INVALID_SYSTEM_CONTRACT = 29;
const HOST_BUFFER_FULL = 34;
const UREF_SERIALIZED_LENGTH = 33;

/** `TransferredTo`: 0 ExistingAccount, 1 NewAccount. */
const EXISTING_ACCOUNT = 0;
const NEW_ACCOUNT = 1;

/** A host transfer's outcome: an ApiError code (0 = success) and, on success, TransferredTo. */
export interface TransferOutcome {
  readonly code: number;
  readonly transferredTo?: number;
}

function decodeAmount(ctx: RuntimeContext, ptr: number, size: number): bigint {
  return unwrapDecode(fromBytes(ctx.memory.read(ptr, size), (r) => r.u512()));
}

function decodeId(ctx: RuntimeContext, ptr: number, size: number): bigint | null {
  return unwrapDecode(fromBytes(ctx.memory.read(ptr, size), (r) => r.option((x) => x.u64())));
}

/** The runtime's `get_balance` (direct read, no access check); a non-CLValue traps. */
function balanceOf(ctx: RuntimeContext, purse: URef): bigint | undefined {
  const b = readPurseBalance(ctx, purse.addr);
  if (b === undefined || typeof b === 'bigint') return b;
  throw executionError('UnexpectedStoredValueVariant', 'Unexpected variant of a stored value');
}

/** `transfer_to_new_account`: pre-check, new purse, mint transfer, then the new Account. */
function transferToNewAccount(
  ctx: RuntimeContext,
  source: URef,
  target: Uint8Array,
  amount: bigint,
  id: bigint | null,
): TransferOutcome {
  if (amount > (balanceOf(ctx, source) ?? 0n)) return { code: mintErrorCode(MintError.InsufficientFunds) };
  const targetPurse = inMintFrame(ctx, () => mintCreate(ctx));
  if (urefEquals(source, targetPurse)) return { code: mintErrorCode(MintError.EqualSourceAndTarget) };
  const error = hostMintTransfer(ctx, {
    to: target,
    source,
    target: withAccessRights(targetPurse, AccessRights.ADD),
    amount,
    id,
  });
  // The purse was granted to the caller by `create`; the node takes that access away again.
  removeAccess(ctx, targetPurse.addr, targetPurse.rights);
  if (error !== undefined) return { code: mintErrorCode(error) };
  const account = { tag: 1 as const, account: newAccount(target, targetPurse) };
  chargeStorage(ctx, account);
  ctx.phase.tc.write(accountKey(target), account);
  return { code: 0, transferredTo: NEW_ACCOUNT };
}

/** `transfer_from_purse_to_account_hash`: creates the account when absent. */
export function transferToAccountHash(
  ctx: RuntimeContext,
  source: URef,
  target: Uint8Array,
  amount: bigint,
  id: bigint | null,
): TransferOutcome {
  const stored = ctx.phase.tc.read(accountKey(target));
  if (!stored) return transferToNewAccount(ctx, source, target, amount, id);
  if (stored.tag !== 1) {
    throw executionError('AccountNotFound', `Account ${accountHashToFormattedString(target)} not found`);
  }
  return transferToExistingAccount(ctx, source, stored.account.accountHash, stored.account.mainPurse, amount, id);
}

/**
 * `transfer_from_purse_to_account` for an existing account (hash and main purse): a no-op when
 * the source is that main purse, else a mint transfer to it with ADD rights granted for the call.
 */
export function transferToExistingAccount(
  ctx: RuntimeContext,
  source: URef,
  accountHash: Uint8Array,
  mainPurse: URef,
  amount: bigint,
  id: bigint | null,
): TransferOutcome {
  const targetPurse = withAccessRights(mainPurse, AccessRights.ADD);
  if (urefEquals(withAccessRights(source, AccessRights.ADD), targetPurse)) {
    return { code: 0, transferredTo: EXISTING_ACCOUNT };
  }
  const granted = grantAccess(ctx, targetPurse);
  const error = hostMintTransfer(ctx, { to: accountHash, source, target: targetPurse, amount, id });
  if (granted !== 0) removeAccess(ctx, targetPurse.addr, granted);
  return error === undefined ? { code: 0, transferredTo: EXISTING_ACCOUNT } : { code: mintErrorCode(error) };
}

function finishAccountTransfer(ctx: RuntimeContext, outcome: TransferOutcome, resultPtr: number): number {
  if (outcome.code === 0) ctx.memory.writeU32(resultPtr, outcome.transferredTo!);
  return outcome.code;
}

/** Purse, balance, transfer and system-contract host functions. */
export const PURSES_HANDLERS: HostHandlers = {
  casper_create_purse(ctx, destPtr, destSize) {
    chargeHost(ctx, 'casper_create_purse', [destPtr, destSize]);
    if (destSize >>> 0 < UREF_SERIALIZED_LENGTH) return PURSE_NOT_CREATED;
    const purse = inMintFrame(ctx, () => mintCreate(ctx));
    ctx.memory.write(destPtr, encodeURef(purse));
    return 0;
  },

  casper_get_balance(ctx, pursePtr, purseSize, outSizePtr) {
    chargeHost(ctx, 'casper_get_balance', [pursePtr, purseSize, outSizePtr]);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const decoded = decodeURef(ctx.memory.read(pursePtr, purseSize));
    if (!decoded.ok) return decoded.error;
    const balance = balanceOf(ctx, decoded.value);
    if (balance === undefined) return INVALID_PURSE;
    const value = CLValue.u512(balance);
    ctx.hostBuffer = value;
    ctx.memory.writeU32(outSizePtr, value.bytes.length);
    return 0;
  },

  casper_transfer_to_account(ctx, acctPtr, acctSize, amountPtr, amountSize, idPtr, idSize, resultPtr) {
    chargeHost(ctx, 'casper_transfer_to_account', [acctPtr, acctSize, amountPtr, amountSize, idPtr, idSize, resultPtr]);
    const target = unwrapDecode(decodeAccountHash(ctx.memory.read(acctPtr, acctSize)));
    const amount = decodeAmount(ctx, amountPtr, amountSize);
    const id = decodeId(ctx, idPtr, idSize);
    if (!ctx.accountContext) throw executionError('InvalidContext', 'Invalid context');
    const source = ctx.phase.account.mainPurse;
    return finishAccountTransfer(ctx, transferToAccountHash(ctx, source, target, amount, id), resultPtr);
  },

  casper_transfer_from_purse_to_account(
    ctx,
    srcPtr,
    srcSize,
    acctPtr,
    acctSize,
    amountPtr,
    amountSize,
    idPtr,
    idSize,
    resultPtr,
  ) {
    chargeHost(ctx, 'casper_transfer_from_purse_to_account', [
      srcPtr,
      srcSize,
      acctPtr,
      acctSize,
      amountPtr,
      amountSize,
      idPtr,
      idSize,
      resultPtr,
    ]);
    const source = unwrapDecode(decodeURef(ctx.memory.read(srcPtr, srcSize)));
    const target = unwrapDecode(decodeAccountHash(ctx.memory.read(acctPtr, acctSize)));
    const amount = decodeAmount(ctx, amountPtr, amountSize);
    const id = decodeId(ctx, idPtr, idSize);
    return finishAccountTransfer(ctx, transferToAccountHash(ctx, source, target, amount, id), resultPtr);
  },

  casper_transfer_from_purse_to_purse(ctx, srcPtr, srcSize, dstPtr, dstSize, amountPtr, amountSize, idPtr, idSize) {
    chargeHost(ctx, 'casper_transfer_from_purse_to_purse', [
      srcPtr,
      srcSize,
      dstPtr,
      dstSize,
      amountPtr,
      amountSize,
      idPtr,
      idSize,
    ]);
    const source = unwrapDecode(decodeURef(ctx.memory.read(srcPtr, srcSize)));
    const target = unwrapDecode(decodeURef(ctx.memory.read(dstPtr, dstSize)));
    const amount = decodeAmount(ctx, amountPtr, amountSize);
    const id = decodeId(ctx, idPtr, idSize);
    const error = hostMintTransfer(ctx, { to: null, source, target, amount, id });
    return error === undefined ? 0 : mintErrorCode(error);
  },

  casper_get_system_contract(ctx, index, destPtr, destSize) {
    chargeHost(ctx, 'casper_get_system_contract', [index, destPtr, destSize]);
    const system = ctx.phase.services.system;
    const hashes = [system.mint, system.handlePayment, system.standardPayment, system.auction];
    const hash = hashes[index >>> 0];
    if (!hash) return INVALID_SYSTEM_CONTRACT;
    ctx.memory.write(destPtr, hash);
    return 0;
  },
};
