// Shared setup of the auction tests: keys, an environment with two genesis validators and a
// funded delegator, and calls into the auction as a deploy whose session is the auction's entry
// point itself (StoredContractByHash: the immediate caller is the deploy account's Session frame,
// no Wasm runs, so gasUsed is exactly the chainspec auction cost).
import { ed25519 } from '@noble/curves/ed25519';
import { type EnvOptions, type ExecutionResult, TestEnv } from '../../../runtime/env';
import type { Bid, Delegator, UnbondingPurse } from '../../../runtime/types/auction';
import { bytesToHex } from '../../../runtime/types/bytes';
import { CLValue } from '../../../runtime/types/clvalue';
import { publicKeyAccountHash, publicKeyFromRaw, type PublicKey } from '../../../runtime/types/public-key';
import type { RuntimeArgs } from '../../../runtime/types/runtime-args';
import { type URef } from '../../../runtime/types/uref';

/** 1 CSPR in motes. */
export const CSPR = 1_000_000_000n;
/** The chainspec minimum delegation (500 CSPR). */
export const MIN_DELEGATION = 500n * CSPR;
/** Cost of add_bid / withdraw_bid / delegate / undelegate / redelegate (chainspec 1.5.6). */
export const BIG_COST = 2_500_000_000;
/** Cost of the other auction entry points. */
export const SMALL_COST = 10_000;

/** Ed25519 public key from a 32-byte secret filled with `seed`. */
export function edKey(seed: number): PublicKey {
  return publicKeyFromRaw(1, ed25519.getPublicKey(new Uint8Array(32).fill(seed)))!;
}

/** Account hash of a public key. */
export const hashOf = (pk: PublicKey): Uint8Array => publicKeyAccountHash(pk);

/** Genesis validator 1 (bond 1,000,000 CSPR, rate 10 %). */
export const V1 = edKey(101);
/** Genesis validator 2 (bond 2,000,000 CSPR, rate 5 %). */
export const V2 = edKey(102);
/** A funded account that delegates. */
export const D = edKey(103);
/** Another funded account. */
export const D2 = edKey(104);
/** A key with no bid and no account. */
export const NOBODY = edKey(105);

/** Genesis bonds. */
export const V1_BOND = 1_000_000n * CSPR;
/** Genesis bond of V2. */
export const V2_BOND = 2_000_000n * CSPR;
/** Liquid balance of every funded test account. */
export const BALANCE = 100_000n * CSPR;

/** An environment with V1, V2 (validators with BALANCE liquid) and D, D2 (BALANCE each). */
export function auctionEnv(options: EnvOptions = {}): TestEnv {
  return new TestEnv({
    validators: [
      { publicKey: V1, bondedAmount: V1_BOND, delegationRate: 10, balance: BALANCE },
      { publicKey: V2, bondedAmount: V2_BOND, delegationRate: 5, balance: BALANCE },
    ],
    accounts: [
      { publicKey: D, balance: BALANCE },
      { publicKey: D2, balance: BALANCE },
    ],
    ...options,
  });
}

/** Calls auction entry point `entryPoint` as a deploy of `caller` (its session is the entry point). */
export function auction(env: TestEnv, caller: PublicKey, entryPoint: string, args: RuntimeArgs): ExecutionResult {
  return env.runStoredContract({
    caller: publicKeyAccountHash(caller),
    target: { contractHash: env.services.system.auction },
    entryPoint,
    args,
  });
}

/** delegate / undelegate arguments. */
export function delegationArgs(delegator: PublicKey, validator: PublicKey, amount: bigint): RuntimeArgs {
  return [
    { name: 'delegator', value: CLValue.publicKey(delegator) },
    { name: 'validator', value: CLValue.publicKey(validator) },
    { name: 'amount', value: CLValue.u512(amount) },
  ];
}

/** redelegate arguments. */
export function redelegationArgs(
  delegator: PublicKey,
  validator: PublicKey,
  amount: bigint,
  newValidator: PublicKey,
): RuntimeArgs {
  return [
    ...delegationArgs(delegator, validator, amount),
    { name: 'new_validator', value: CLValue.publicKey(newValidator) },
  ];
}

/** add_bid arguments. */
export function addBidArgs(publicKey: PublicKey, delegationRate: number, amount: bigint): RuntimeArgs {
  return [
    { name: 'public_key', value: CLValue.publicKey(publicKey) },
    { name: 'delegation_rate', value: CLValue.u8(delegationRate) },
    { name: 'amount', value: CLValue.u512(amount) },
  ];
}

/** withdraw_bid arguments. */
export function withdrawBidArgs(publicKey: PublicKey, amount: bigint): RuntimeArgs {
  return [
    { name: 'public_key', value: CLValue.publicKey(publicKey) },
    { name: 'amount', value: CLValue.u512(amount) },
  ];
}

/** Asserts a failed execution reverted with `code`. */
export function expectRevert(r: ExecutionResult, code: number): void {
  expect({ success: r.success, kind: r.error?.kind, code: r.error?.apiError?.code }).toEqual({
    success: false,
    kind: 'Revert',
    code,
  });
}

/** The main purse balance of `pk`'s account. */
export function balanceOf(env: TestEnv, pk: PublicKey): bigint {
  return env.accountBalance(publicKeyAccountHash(pk))!;
}

/** The delegation of `delegator` in the bid of `validator`. */
export function delegation(env: TestEnv, validator: PublicKey, delegator: PublicKey): Delegator | undefined {
  const bid: Bid | undefined = env.bid(validator);
  return bid?.delegators.find((e) => bytesToHex(e.publicKey.raw) === bytesToHex(delegator.raw))?.delegator;
}

/** The unbonding requests under Key::Unbond(validator's account hash). */
export function unbondsOf(env: TestEnv, validator: PublicKey): readonly UnbondingPurse[] {
  return env.unbonds(publicKeyAccountHash(validator));
}

/** Balance of a purse. */
export function purseBalance(env: TestEnv, purse: URef): bigint | undefined {
  return env.balance(purse.addr);
}
