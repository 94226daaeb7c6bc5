// undelegate: the client session unbonding part of a delegation (sessions/undelegate.ts).
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
  D2,
  delegation,
  delegationArgs,
  hashOf,
  NOBODY,
  purseBalance,
  unbondsOf,
  V1,
  V2,
} from '../runtime/auction/fixtures';

/** Session gas of undelegating 400 of 1,000 CSPR. */
const UNDELEGATE_GAS = 2_969_408_960;

/** An env where D has delegated 1,000 CSPR to V1. */
function delegated() {
  const env = auctionEnv();
  expect(auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR)).success).toBe(true);
  return env;
}

const run = (env: ReturnType<typeof auctionEnv>, args: RuntimeArgs) =>
  env.runSession({ wasm: 'undelegate', args, caller: hashOf(D) });

test('a full deploy: the stake drops, an unbonding purse is queued, the motes return 8 era ends later', () => {
  const env = delegated();
  const purse = delegation(env, V1, D)!.bondingPurse;
  const r = env.runDeploy({
    caller: hashOf(D),
    session: { wasm: 'undelegate', args: delegationArgs(D, V1, 400n * CSPR) },
  });
  expect(r).toSucceed();
  expect(r.sessionGasUsed).toBe(UNDELEGATE_GAS);
  expect(r.transfers).toEqual([]);
  const paid = DEFAULT_PAYMENT - r.refund;
  expect(delegation(env, V1, D)?.stakedAmount).toBe(600n * CSPR);
  expect(unbondsOf(env, V1)).toEqual([
    {
      bondingPurse: purse,
      validatorPublicKey: V1,
      unbonderPublicKey: D,
      eraOfCreation: 0n,
      amount: 400n * CSPR,
      newValidator: null,
    },
  ]);
  expect(purseBalance(env, purse)).toBe(1000n * CSPR);
  const before = BALANCE - 1000n * CSPR - paid;
  expect(balanceOf(env, D)).toBe(before);
  env.advanceEras(7);
  expect(balanceOf(env, D)).toBe(before);
  env.advanceEras(1);
  expect(balanceOf(env, D)).toBe(before + 400n * CSPR);
  expect(purseBalance(env, purse)).toBe(600n * CSPR);
  expect(unbondsOf(env, V1)).toEqual([]);
});

test('undelegating everything removes the delegator', () => {
  const env = delegated();
  expect(run(env, delegationArgs(D, V1, 1000n * CSPR))).toSucceed();
  expect(env.bid(V1)!.delegators).toEqual([]);
});

describe('failures change nothing', () => {
  const cases: Array<[string, RuntimeArgs, number]> = [
    ['no delegator', delegationArgs(D, V1, CSPR).slice(1), ApiErrorCode.MissingArgument],
    [
      'amount as U512 string',
      [...delegationArgs(D, V1, 0n).slice(0, 2), { name: 'amount', value: CLValue.string('1') }],
      ApiErrorCode.InvalidArgument,
    ],
    ['an unknown validator', delegationArgs(D, NOBODY, CSPR), AuctionErrorCode.ValidatorNotFound],
    ['no delegation to that validator', delegationArgs(D, V2, CSPR), AuctionErrorCode.DelegatorNotFound],
    ['more than staked', delegationArgs(D, V1, 1000n * CSPR + 1n), AuctionErrorCode.UnbondTooLarge],
    ['someone else as delegator', delegationArgs(D2, V1, CSPR), AuctionErrorCode.InvalidContext],
  ];
  test.each(cases)('%s', (_, args, code) => {
    const env = delegated();
    const root = env.stateRoot();
    expect(run(env, args)).toRevertWith(code);
    expect(env.stateRoot()).toBe(root);
  });

  test('codes: 2, 3, 64519, 64520, 64532, 64526', () => {
    expect(cases.map((c) => c[2])).toEqual([2, 3, 64519, 64520, 64532, 64526]);
  });
});
