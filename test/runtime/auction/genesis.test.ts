// Genesis with validators (create_auction): accounts, bonding purses, locked bids, checks.
import { TestEnv } from '../../../runtime/env';
import { auctionEnv, BALANCE, balanceOf, CSPR, D, hashOf, purseBalance, V1, V1_BOND, V2 } from './fixtures';

it('each genesis validator gets an account, a bonding purse holding the bond and a locked bid', () => {
  const env = auctionEnv();
  expect(balanceOf(env, V1)).toBe(BALANCE);
  const bid = env.bid(V1)!;
  expect(bid).toEqual({
    validatorPublicKey: V1,
    bondingPurse: { addr: bid.bondingPurse.addr, rights: 7 },
    stakedAmount: V1_BOND,
    delegationRate: 10,
    vestingSchedule: { initialReleaseTimestampMillis: 0n, lockedAmounts: null },
    delegators: [],
    inactive: false,
  });
  expect(purseBalance(env, bid.bondingPurse)).toBe(V1_BOND);
  expect(env.bids().map((b) => b.validatorPublicKey)).toHaveLength(2);
  expect(env.unbonds(hashOf(V1))).toEqual([]);
});

it('is deterministic, and a validator without `balance` gets an empty account', () => {
  expect(auctionEnv().stateRoot()).toBe(auctionEnv().stateRoot());
  const env = new TestEnv({ validators: [{ publicKey: V2, bondedAmount: 1n, delegationRate: 0 }] });
  expect(balanceOf(env, V2)).toBe(0n);
  expect(env.bid(V2)?.stakedAmount).toBe(1n);
});

it('a validator that is also a genesis account keeps that account', () => {
  const env = new TestEnv({
    accounts: [{ publicKey: D, balance: 7n * CSPR }],
    validators: [{ publicKey: D, bondedAmount: CSPR, delegationRate: 1 }],
  });
  expect(balanceOf(env, D)).toBe(7n * CSPR);
  expect(env.bid(D)?.stakedAmount).toBe(CSPR);
});

it('refuses what the node refuses: more validators than slots, a zero bond, a rate above 100', () => {
  const v = (publicKey = V1, bondedAmount = CSPR, delegationRate = 0) => ({ publicKey, bondedAmount, delegationRate });
  expect(() => new TestEnv({ validators: [v(V1), v(V2)], costs: { core: { validator_slots: 1 } } })).toThrow(
    /exceed validator_slots/,
  );
  expect(() => new TestEnv({ validators: [v(V1, 0n)] })).toThrow(/InvalidBondAmount/);
  expect(() => new TestEnv({ validators: [v(V1, CSPR, 101)] })).toThrow(/InvalidDelegationRate/);
  expect(() => new TestEnv({ validators: [v(V1), v(V1)] })).toThrow(/given twice/);
});
