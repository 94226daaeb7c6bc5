// add-bid: the client session bonding a validator bid (sessions/add-bid.ts).
import { ApiErrorCode, AuctionErrorCode, CLValue, MintErrorCode } from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import type { RuntimeArgs } from '../../runtime/types/runtime-args';
import {
  addBidArgs,
  auctionEnv,
  BALANCE,
  balanceOf,
  CSPR,
  D,
  D2,
  hashOf,
  purseBalance,
  V1,
  V1_BOND,
} from '../runtime/auction/fixtures';

/** Session gas of a new 10,000 CSPR bid. */
const ADD_BID_GAS = 2_900_619_930;

const run = (env: ReturnType<typeof auctionEnv>, args: RuntimeArgs, caller = D) =>
  env.runSession({ wasm: 'add-bid', args, caller: hashOf(caller) });

test('a full deploy: a new unlocked bid with its bonding purse; the main purse to the mote', () => {
  const env = auctionEnv();
  const r = env.runDeploy({ caller: hashOf(D), session: { wasm: 'add-bid', args: addBidArgs(D, 15, 10_000n * CSPR) } });
  expect(r).toSucceed();
  expect(r.sessionGasUsed).toBe(ADD_BID_GAS);
  const bid = env.bid(D)!;
  expect(bid).toEqual({
    validatorPublicKey: D,
    bondingPurse: { addr: bid.bondingPurse.addr, rights: 7 },
    stakedAmount: 10_000n * CSPR,
    delegationRate: 15,
    vestingSchedule: null,
    delegators: [],
    inactive: false,
  });
  expect(purseBalance(env, bid.bondingPurse)).toBe(10_000n * CSPR);
  expect(r.transfers).toHaveLength(1);
  expect(balanceOf(env, D)).toBe(BALANCE - 10_000n * CSPR - (DEFAULT_PAYMENT - r.refund));
});

test('topping up: same purse, stake added, the new rate; a genesis validator keeps its vesting schedule', () => {
  const env = auctionEnv();
  expect(run(env, addBidArgs(D, 15, 10_000n * CSPR))).toSucceed();
  expect(run(env, addBidArgs(D, 100, 1n))).toSucceed();
  expect(env.bid(D)).toMatchObject({ stakedAmount: 10_000n * CSPR + 1n, delegationRate: 100 });
  expect(run(env, addBidArgs(V1, 0, CSPR), V1)).toSucceed();
  expect(env.bid(V1)).toMatchObject({ stakedAmount: V1_BOND + CSPR, delegationRate: 0 });
  expect(env.bid(V1)!.vestingSchedule).not.toBeNull();
});

describe('failures change nothing', () => {
  const cases: Array<[string, RuntimeArgs, number]> = [
    ['no delegation_rate', addBidArgs(D, 1, CSPR).slice(0, 2), ApiErrorCode.MissingArgument],
    ['no public_key', addBidArgs(D, 1, CSPR).slice(1), ApiErrorCode.MissingArgument],
    [
      'delegation_rate as U32',
      [addBidArgs(D, 1, CSPR)[0], { name: 'delegation_rate', value: CLValue.u32(1) }, addBidArgs(D, 1, CSPR)[2]],
      ApiErrorCode.InvalidArgument,
    ],
    ['amount 0', addBidArgs(D, 1, 0n), AuctionErrorCode.BondTooSmall],
    ['delegation rate 101', addBidArgs(D, 101, CSPR), AuctionErrorCode.DelegationRateTooLarge],
    ["someone else's key", addBidArgs(D2, 1, CSPR), AuctionErrorCode.InvalidContext],
    ['more than the balance', addBidArgs(D, 1, BALANCE + 1n), MintErrorCode.InsufficientFunds],
  ];
  test.each(cases)('%s', (_, args, code) => {
    const env = auctionEnv();
    const root = env.stateRoot();
    expect(run(env, args)).toRevertWith(code);
    expect(env.stateRoot()).toBe(root);
  });

  test('codes: 2, 2, 3, 64533, 64549, 64526, 65024', () => {
    expect(cases.map((c) => c[2])).toEqual([2, 2, 3, 64533, 64549, 64526, 65024]);
  });
});
