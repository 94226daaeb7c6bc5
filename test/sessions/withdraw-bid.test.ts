// withdraw-bid: the client session unbonding a validator bid (sessions/withdraw-bid.ts).
import { ApiErrorCode, AuctionErrorCode, CLValue } from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import type { PublicKey } from '../../runtime/types/public-key';
import type { RuntimeArgs } from '../../runtime/types/runtime-args';
import {
  addBidArgs,
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
  unbondsOf,
  V1,
  V1_BOND,
  withdrawBidArgs,
} from '../runtime/auction/fixtures';

/** Session gas of withdrawing 500 of 2,000 CSPR. */
const WITHDRAW_BID_GAS = 2_889_881_740;

/** An env where D has a 2,000 CSPR bid and D2 delegates 700 CSPR to it. */
function bidding() {
  const env = auctionEnv();
  expect(auction(env, D, 'add_bid', addBidArgs(D, 1, 2000n * CSPR)).success).toBe(true);
  expect(auction(env, D2, 'delegate', delegationArgs(D2, D, 700n * CSPR)).success).toBe(true);
  return env;
}

const run = (env: ReturnType<typeof auctionEnv>, args: RuntimeArgs, caller = D) =>
  env.runSession({ wasm: 'withdraw-bid', args, caller: hashOf(caller) });

test('a full deploy: the stake drops, an unbonding purse is queued, the motes return 8 era ends later', () => {
  const env = bidding();
  const purse = env.bid(D)!.bondingPurse;
  const r = env.runDeploy({
    caller: hashOf(D),
    session: { wasm: 'withdraw-bid', args: withdrawBidArgs(D, 500n * CSPR) },
  });
  expect(r).toSucceed();
  expect(r.sessionGasUsed).toBe(WITHDRAW_BID_GAS);
  const paid = DEFAULT_PAYMENT - r.refund;
  expect(env.bid(D)).toMatchObject({ stakedAmount: 1500n * CSPR, inactive: false });
  expect(unbondsOf(env, D)).toEqual([
    {
      bondingPurse: purse,
      validatorPublicKey: D,
      unbonderPublicKey: D,
      eraOfCreation: 0n,
      amount: 500n * CSPR,
      newValidator: null,
    },
  ]);
  const before = BALANCE - 2000n * CSPR - paid;
  expect(balanceOf(env, D)).toBe(before);
  env.advanceEras(7);
  expect(balanceOf(env, D)).toBe(before);
  env.advanceEras(1);
  expect(balanceOf(env, D)).toBe(before + 500n * CSPR);
});

test('withdrawing the whole stake unbonds the delegators too and leaves the bid inactive', () => {
  const env = bidding();
  const d2Purse = delegation(env, D, D2)!.bondingPurse;
  expect(run(env, withdrawBidArgs(D, 2000n * CSPR))).toSucceed();
  expect(env.bid(D)).toMatchObject({ stakedAmount: 0n, delegators: [], inactive: true });
  expect(unbondsOf(env, D).map((u) => [u.unbonderPublicKey, u.amount, u.bondingPurse])).toEqual([
    [D, 2000n * CSPR, env.bid(D)!.bondingPurse],
    [D2, 700n * CSPR, d2Purse],
  ]);
  env.advanceEras(8);
  expect([balanceOf(env, D), balanceOf(env, D2)]).toEqual([BALANCE, BALANCE]);
});

test('a genesis validator: locked until the first era end, then free', () => {
  const env = auctionEnv();
  const root = env.stateRoot();
  expect(run(env, withdrawBidArgs(V1, CSPR), V1)).toRevertWith(AuctionErrorCode.ValidatorFundsLocked);
  expect(AuctionErrorCode.ValidatorFundsLocked).toBe(64527);
  expect(env.stateRoot()).toBe(root);
  env.advanceEras(1);
  expect(run(env, withdrawBidArgs(V1, CSPR), V1)).toSucceed();
  expect(env.bid(V1)?.stakedAmount).toBe(V1_BOND - CSPR);
});

describe('failures change nothing', () => {
  const cases: Array<[string, RuntimeArgs, PublicKey, number]> = [
    ['no amount', withdrawBidArgs(D, CSPR).slice(0, 1), D, ApiErrorCode.MissingArgument],
    [
      'public_key as a string',
      [{ name: 'public_key', value: CLValue.string('D') }, withdrawBidArgs(D, CSPR)[1]],
      D,
      ApiErrorCode.InvalidArgument,
    ],
    ['no bid', withdrawBidArgs(D2, CSPR), D2, AuctionErrorCode.ValidatorNotFound],
    ['more than staked', withdrawBidArgs(D, 2000n * CSPR + 1n), D, AuctionErrorCode.UnbondTooLarge],
    ["someone else's bid", withdrawBidArgs(V1, CSPR), D, AuctionErrorCode.InvalidContext],
  ];
  test.each(cases)('%s', (_, args, caller, code) => {
    const env = bidding();
    const root = env.stateRoot();
    expect(run(env, args, caller)).toRevertWith(code);
    expect(env.stateRoot()).toBe(root);
  });

  test('codes: 2, 3, 64519, 64532, 64526', () => {
    expect(cases.map((c) => c[3])).toEqual([2, 3, 64519, 64532, 64526]);
  });
});
