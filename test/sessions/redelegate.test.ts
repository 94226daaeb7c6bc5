// redelegate: the client session moving part of a delegation to another validator
// (sessions/redelegate.ts).
import { ApiErrorCode, AuctionErrorCode, CLValue } from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import type { RuntimeArgs } from '../../runtime/types/runtime-args';
import {
  auction,
  auctionEnv,
  BALANCE,
  balanceOf,
  CSPR,
  D,
  delegation,
  delegationArgs,
  hashOf,
  MIN_DELEGATION,
  NOBODY,
  purseBalance,
  redelegationArgs,
  unbondsOf,
  V1,
  V2,
} from '../runtime/auction/fixtures';

/** Session gas of redelegating 600 of 1,000 CSPR. */
const REDELEGATE_GAS = 3_043_219_330;

function delegated() {
  const env = auctionEnv();
  expect(auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR)).success).toBe(true);
  return env;
}

const run = (env: ReturnType<typeof auctionEnv>, args: RuntimeArgs) =>
  env.runSession({ wasm: 'redelegate', args, caller: hashOf(D) });

test('a full deploy: the request carries new_validator; 8 era ends later the stake is delegated to it', () => {
  const env = delegated();
  const oldPurse = delegation(env, V1, D)!.bondingPurse;
  const r = env.runDeploy({
    caller: hashOf(D),
    session: { wasm: 'redelegate', args: redelegationArgs(D, V1, 600n * CSPR, V2) },
  });
  expect(r).toSucceed();
  expect(r.sessionGasUsed).toBe(REDELEGATE_GAS);
  const paid = DEFAULT_PAYMENT - r.refund;
  expect(delegation(env, V1, D)?.stakedAmount).toBe(400n * CSPR);
  expect(unbondsOf(env, V1)).toEqual([
    {
      bondingPurse: oldPurse,
      validatorPublicKey: V1,
      unbonderPublicKey: D,
      eraOfCreation: 0n,
      amount: 600n * CSPR,
      newValidator: V2,
    },
  ]);
  env.advanceEras(7);
  expect(delegation(env, V2, D)).toBeUndefined();
  env.advanceEras(1);
  const moved = delegation(env, V2, D)!;
  expect(moved).toMatchObject({ stakedAmount: 600n * CSPR, validatorPublicKey: V2 });
  expect(purseBalance(env, moved.bondingPurse)).toBe(600n * CSPR);
  expect(purseBalance(env, oldPurse)).toBe(400n * CSPR);
  expect(balanceOf(env, D)).toBe(BALANCE - 1000n * CSPR - paid);
});

test('to a key with no bid: accepted now, paid back to the main purse when it matures', () => {
  const env = delegated();
  expect(run(env, redelegationArgs(D, V1, 1000n * CSPR, NOBODY))).toSucceed();
  expect(env.bid(V1)!.delegators).toEqual([]);
  env.advanceEras(8);
  expect(balanceOf(env, D)).toBe(BALANCE);
});

describe('failures change nothing', () => {
  const cases: Array<[string, RuntimeArgs, number]> = [
    ['no new_validator', delegationArgs(D, V1, MIN_DELEGATION), ApiErrorCode.MissingArgument],
    [
      'new_validator as a U8',
      [...delegationArgs(D, V1, MIN_DELEGATION), { name: 'new_validator', value: CLValue.u8(1) }],
      ApiErrorCode.InvalidArgument,
    ],
    ['below the minimum', redelegationArgs(D, V1, MIN_DELEGATION - 1n, V2), AuctionErrorCode.DelegationAmountTooSmall],
    ['an unknown validator', redelegationArgs(D, NOBODY, MIN_DELEGATION, V2), AuctionErrorCode.ValidatorNotFound],
    ['no delegation there', redelegationArgs(D, V2, MIN_DELEGATION, V1), AuctionErrorCode.DelegatorNotFound],
    ['more than staked', redelegationArgs(D, V1, 1000n * CSPR + 1n, V2), AuctionErrorCode.UnbondTooLarge],
    ['someone else as delegator', redelegationArgs(V2, V1, MIN_DELEGATION, V2), AuctionErrorCode.InvalidContext],
  ];
  test.each(cases)('%s', (_, args, code) => {
    const env = delegated();
    const root = env.stateRoot();
    expect(run(env, args)).toRevertWith(code);
    expect(env.stateRoot()).toBe(root);
  });

  test('codes: 2, 3, 64557, 64519, 64520, 64532, 64526', () => {
    expect(cases.map((c) => c[2])).toEqual([2, 3, 64557, 64519, 64520, 64532, 64526]);
  });
});
