// The auction's user entry points, natively (casper-node 1.5.6 system/auction.rs,
// call_host_auction): happy paths with the exact resulting records and balances, each error with
// its exact code (checks in the node's order), and the exact chainspec gas.
import { SYSTEM_ACCOUNT_HASH } from '../../../runtime/system/transfer';
import { AuctionErrorCode as A, MintErrorCode } from '../../../runtime/types/api-error';
import { CLTypes } from '../../../runtime/types/cltype';
import { CLValue } from '../../../runtime/types/clvalue';
import { transferKey } from '../../../runtime/types/key';
import type { RuntimeArgs } from '../../../runtime/types/runtime-args';
import {
  addBidArgs,
  auction,
  auctionEnv,
  BALANCE,
  balanceOf,
  BIG_COST,
  CSPR,
  D,
  D2,
  delegation,
  delegationArgs,
  expectRevert,
  hashOf,
  MIN_DELEGATION,
  NOBODY,
  purseBalance,
  redelegationArgs,
  SMALL_COST,
  unbondsOf,
  V1,
  V1_BOND,
  V2,
  withdrawBidArgs,
} from './fixtures';

describe('delegate', () => {
  it('creates a delegation with its own bonding purse, moves the motes, records a Transfer; costs 2.5 CSPR', () => {
    const env = auctionEnv();
    const r = auction(env, D, 'delegate', delegationArgs(D, V1, 600n * CSPR));
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(BIG_COST);
    const bid = env.bid(V1)!;
    expect(bid.delegators.map((e) => e.publicKey)).toEqual([D]);
    const d = delegation(env, V1, D)!;
    expect(d).toEqual({
      delegatorPublicKey: D,
      stakedAmount: 600n * CSPR,
      bondingPurse: { addr: d.bondingPurse.addr, rights: 7 },
      validatorPublicKey: V1,
      vestingSchedule: null,
    });
    expect(bid.stakedAmount).toBe(V1_BOND);
    expect(purseBalance(env, d.bondingPurse)).toBe(600n * CSPR);
    expect(balanceOf(env, D)).toBe(BALANCE - 600n * CSPR);
    expect(r.transfers).toHaveLength(1);
    const t = env.query(transferKey(r.transfers[0]));
    expect(t?.tag === 5 && t.transfer).toMatchObject({
      from: hashOf(D),
      to: SYSTEM_ACCOUNT_HASH,
      source: env.account(hashOf(D))!.mainPurse,
      target: d.bondingPurse,
      amount: 600n * CSPR,
      gas: 0n,
      id: null,
    });
  });

  it('tops up an existing delegation in the same purse', () => {
    const env = auctionEnv();
    auction(env, D, 'delegate', delegationArgs(D, V1, 600n * CSPR));
    const purse = delegation(env, V1, D)!.bondingPurse;
    const r = auction(env, D, 'delegate', delegationArgs(D, V1, 1n));
    expect(r.success).toBe(false); // below the minimum even for a top-up
    expectRevert(r, A.DelegationAmountTooSmall);
    expect(auction(env, D, 'delegate', delegationArgs(D, V1, MIN_DELEGATION)).success).toBe(true);
    expect(delegation(env, V1, D)).toMatchObject({ stakedAmount: 1100n * CSPR, bondingPurse: purse });
    expect(purseBalance(env, purse)).toBe(1100n * CSPR);
    expect(balanceOf(env, D)).toBe(BALANCE - 1100n * CSPR);
  });

  it('accepts exactly the minimum delegation (500 CSPR) and refuses one mote less (45)', () => {
    const env = auctionEnv();
    const root = env.stateRoot();
    const r = auction(env, D, 'delegate', delegationArgs(D, V1, MIN_DELEGATION - 1n));
    expectRevert(r, A.DelegationAmountTooSmall);
    expect(r.gasUsed).toBe(BIG_COST);
    expect(env.stateRoot()).toBe(root);
    expect(auction(env, D, 'delegate', delegationArgs(D, V1, MIN_DELEGATION)).success).toBe(true);
  });

  it('errors in the node order: BondTooSmall (0), InvalidContext, ValidatorNotFound, then the minimum', () => {
    const env = auctionEnv();
    const root = env.stateRoot();
    expectRevert(auction(env, D, 'delegate', delegationArgs(D, NOBODY, 0n)), A.BondTooSmall);
    expect(A.BondTooSmall).toBe(64533);
    // D's deploy delegating on behalf of D2
    expectRevert(auction(env, D, 'delegate', delegationArgs(D2, NOBODY, 1n)), A.InvalidContext);
    expect(A.InvalidContext).toBe(64526);
    expectRevert(auction(env, D, 'delegate', delegationArgs(D, NOBODY, 1n)), A.ValidatorNotFound);
    expect(A.ValidatorNotFound).toBe(64519);
    expectRevert(auction(env, D, 'delegate', delegationArgs(D, V1, 1n)), A.DelegationAmountTooSmall);
    expect(A.DelegationAmountTooSmall).toBe(64557);
    expect(env.stateRoot()).toBe(root);
  });

  it('propagates the mint error when the purse lacks the motes: Mint(InsufficientFunds) 65024', () => {
    const env = auctionEnv();
    const root = env.stateRoot();
    expectRevert(auction(env, D, 'delegate', delegationArgs(D, V1, BALANCE + 1n)), MintErrorCode.InsufficientFunds);
    expect(env.stateRoot()).toBe(root);
  });

  it('max_delegators_per_validator: a new delegator past the cap fails (43), an existing one may top up', () => {
    const env = auctionEnv({ costs: { core: { max_delegators_per_validator: 1 } } });
    expect(auction(env, D, 'delegate', delegationArgs(D, V1, MIN_DELEGATION)).success).toBe(true);
    const root = env.stateRoot();
    expectRevert(auction(env, D2, 'delegate', delegationArgs(D2, V1, MIN_DELEGATION)), A.ExceededDelegatorSizeLimit);
    expect(A.ExceededDelegatorSizeLimit).toBe(64555);
    expect(env.stateRoot()).toBe(root);
    expect(auction(env, D, 'delegate', delegationArgs(D, V1, MIN_DELEGATION)).success).toBe(true);
    expect(auction(env, D2, 'delegate', delegationArgs(D2, V2, MIN_DELEGATION)).success).toBe(true);
  });

  it('allow_auction_bids = false → AuctionBidsDisabled (47) before anything else', () => {
    const env = auctionEnv({ costs: { core: { allow_auction_bids: false } } });
    expectRevert(auction(env, D, 'delegate', delegationArgs(D2, NOBODY, 0n)), A.AuctionBidsDisabled);
    expect(A.AuctionBidsDisabled).toBe(64559);
  });

  it('arguments: missing → MissingArgument (2), wrong CLType → InvalidArgument (3), gas charged first', () => {
    const env = auctionEnv();
    const args = delegationArgs(D, V1, MIN_DELEGATION);
    const missing = auction(env, D, 'delegate', args.slice(0, 2));
    expectRevert(missing, 2);
    expect(missing.gasUsed).toBe(BIG_COST);
    const wrong: RuntimeArgs = [args[0], args[1], { name: 'amount', value: CLValue.u64(MIN_DELEGATION) }];
    expectRevert(auction(env, D, 'delegate', wrong), 3);
    const wrongKey: RuntimeArgs = [{ name: 'delegator', value: CLValue.byteArray32(hashOf(D)) }, args[1], args[2]];
    expectRevert(auction(env, D, 'delegate', wrongKey), 3);
  });
});

describe('undelegate', () => {
  function delegated() {
    const env = auctionEnv();
    expect(auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR)).success).toBe(true);
    return env;
  }

  it('lowers the stake and queues an unbonding purse under Key::Unbond(validator); the motes stay bonded', () => {
    const env = delegated();
    const purse = delegation(env, V1, D)!.bondingPurse;
    const r = auction(env, D, 'undelegate', delegationArgs(D, V1, 300n * CSPR));
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(BIG_COST);
    expect(r.transfers).toEqual([]);
    expect(delegation(env, V1, D)?.stakedAmount).toBe(700n * CSPR);
    expect(unbondsOf(env, V1)).toEqual([
      {
        bondingPurse: purse,
        validatorPublicKey: V1,
        unbonderPublicKey: D,
        eraOfCreation: 0n,
        amount: 300n * CSPR,
        newValidator: null,
      },
    ]);
    expect(env.unbonds(hashOf(D))).toEqual([]);
    expect(purseBalance(env, purse)).toBe(1000n * CSPR);
    expect(balanceOf(env, D)).toBe(BALANCE - 1000n * CSPR);
  });

  it('undelegating everything removes the delegator from the bid', () => {
    const env = delegated();
    expect(auction(env, D, 'undelegate', delegationArgs(D, V1, 1000n * CSPR)).success).toBe(true);
    expect(env.bid(V1)!.delegators).toEqual([]);
    expect(unbondsOf(env, V1).map((u) => u.amount)).toEqual([1000n * CSPR]);
  });

  it('errors: InvalidContext, ValidatorNotFound, DelegatorNotFound (8), more than staked → UnbondTooLarge (20)', () => {
    const env = delegated();
    const root = env.stateRoot();
    expectRevert(auction(env, D2, 'undelegate', delegationArgs(D, V1, 1n)), A.InvalidContext);
    expectRevert(auction(env, D, 'undelegate', delegationArgs(D, NOBODY, 1n)), A.ValidatorNotFound);
    expectRevert(auction(env, D, 'undelegate', delegationArgs(D, V2, 1n)), A.DelegatorNotFound);
    expect(A.DelegatorNotFound).toBe(64520);
    // The bonding purse holds exactly the stake, so create_unbonding_purse refuses first.
    const tooMuch = auction(env, D, 'undelegate', delegationArgs(D, V1, 1000n * CSPR + 1n));
    expectRevert(tooMuch, A.UnbondTooLarge);
    expect(A.UnbondTooLarge).toBe(64532);
    expect(tooMuch.gasUsed).toBe(BIG_COST);
    expect(env.stateRoot()).toBe(root);
  });
});

describe('redelegate', () => {
  it('queues an unbonding purse carrying new_validator and lowers the stake', () => {
    const env = auctionEnv();
    auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR));
    const purse = delegation(env, V1, D)!.bondingPurse;
    const r = auction(env, D, 'redelegate', redelegationArgs(D, V1, 600n * CSPR, V2));
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(BIG_COST);
    expect(delegation(env, V1, D)?.stakedAmount).toBe(400n * CSPR);
    expect(unbondsOf(env, V1)).toEqual([
      {
        bondingPurse: purse,
        validatorPublicKey: V1,
        unbonderPublicKey: D,
        eraOfCreation: 0n,
        amount: 600n * CSPR,
        newValidator: V2,
      },
    ]);
  });

  it('does not check new_validator when called (an unknown one is accepted)', () => {
    const env = auctionEnv();
    auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR));
    expect(auction(env, D, 'redelegate', redelegationArgs(D, V1, 1000n * CSPR, NOBODY)).success).toBe(true);
    expect(env.bid(V1)!.delegators).toEqual([]);
    expect(unbondsOf(env, V1)[0].newValidator).toEqual(NOBODY);
  });

  it('errors: InvalidContext, then the minimum (before the validator), ValidatorNotFound, DelegatorNotFound', () => {
    const env = auctionEnv();
    auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR));
    const root = env.stateRoot();
    expectRevert(auction(env, D2, 'redelegate', redelegationArgs(D, V1, 1n, V2)), A.InvalidContext);
    expectRevert(
      auction(env, D, 'redelegate', redelegationArgs(D, NOBODY, MIN_DELEGATION - 1n, V2)),
      A.DelegationAmountTooSmall,
    );
    expectRevert(auction(env, D, 'redelegate', redelegationArgs(D, NOBODY, MIN_DELEGATION, V2)), A.ValidatorNotFound);
    expectRevert(auction(env, D, 'redelegate', redelegationArgs(D, V2, MIN_DELEGATION, V1)), A.DelegatorNotFound);
    expectRevert(auction(env, D, 'redelegate', redelegationArgs(D, V1, 1000n * CSPR + 1n, V2)), A.UnbondTooLarge);
    expectRevert(auction(env, D, 'redelegate', delegationArgs(D, V1, MIN_DELEGATION)), 2);
    expect(env.stateRoot()).toBe(root);
  });
});

describe('add_bid', () => {
  it('a new bid: unlocked, its own bonding purse, the motes from the main purse; costs 2.5 CSPR', () => {
    const env = auctionEnv();
    const r = auction(env, D, 'add_bid', addBidArgs(D, 15, 10_000n * CSPR));
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(BIG_COST);
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
    expect(balanceOf(env, D)).toBe(BALANCE - 10_000n * CSPR);
    expect(r.transfers).toHaveLength(1);
    expect(env.bids().map((b) => b.validatorPublicKey).length).toBe(3);
  });

  it('topping up adds to the stake in the same purse and takes the new delegation rate', () => {
    const env = auctionEnv();
    auction(env, D, 'add_bid', addBidArgs(D, 15, 10_000n * CSPR));
    const purse = env.bid(D)!.bondingPurse;
    expect(auction(env, D, 'add_bid', addBidArgs(D, 100, 1n)).success).toBe(true);
    expect(env.bid(D)).toMatchObject({ stakedAmount: 10_000n * CSPR + 1n, delegationRate: 100, bondingPurse: purse });
    expect(purseBalance(env, purse)).toBe(10_000n * CSPR + 1n);
  });

  it('a genesis validator tops up its locked bid (the vesting schedule stays)', () => {
    const env = auctionEnv();
    expect(auction(env, V1, 'add_bid', addBidArgs(V1, 10, 5n * CSPR)).success).toBe(true);
    expect(env.bid(V1)).toMatchObject({
      stakedAmount: V1_BOND + 5n * CSPR,
      vestingSchedule: { initialReleaseTimestampMillis: 0n, lockedAmounts: null },
    });
    expect(balanceOf(env, V1)).toBe(BALANCE - 5n * CSPR);
  });

  it('errors: BondTooSmall (0), DelegationRateTooLarge (> 100), InvalidContext, Mint(InsufficientFunds)', () => {
    const env = auctionEnv();
    const root = env.stateRoot();
    expectRevert(auction(env, D, 'add_bid', addBidArgs(D2, 101, 0n)), A.BondTooSmall);
    expectRevert(auction(env, D, 'add_bid', addBidArgs(D2, 101, 1n)), A.DelegationRateTooLarge);
    expect(A.DelegationRateTooLarge).toBe(64549);
    expectRevert(auction(env, D, 'add_bid', addBidArgs(D2, 100, 1n)), A.InvalidContext);
    expectRevert(auction(env, D, 'add_bid', addBidArgs(D, 100, BALANCE + 1n)), MintErrorCode.InsufficientFunds);
    const wrongRate: RuntimeArgs = [...addBidArgs(D, 1, 1n)];
    wrongRate[1] = { name: 'delegation_rate', value: CLValue.u32(1) };
    expectRevert(auction(env, D, 'add_bid', wrongRate), 3);
    expect(env.stateRoot()).toBe(root);
  });

  it('allow_auction_bids = false → AuctionBidsDisabled (47)', () => {
    const env = auctionEnv({ costs: { core: { allow_auction_bids: false } } });
    expectRevert(auction(env, D, 'add_bid', addBidArgs(D, 1, 1n)), A.AuctionBidsDisabled);
  });
});

describe('withdraw_bid', () => {
  it('a genesis bid is locked until its vesting schedule is initialized at the first era end (15)', () => {
    const env = auctionEnv();
    const root = env.stateRoot();
    expectRevert(auction(env, V1, 'withdraw_bid', withdrawBidArgs(V1, 1n)), A.ValidatorFundsLocked);
    expect(A.ValidatorFundsLocked).toBe(64527);
    expect(env.stateRoot()).toBe(root);
    env.advanceEras(1);
    expect(env.bid(V1)!.vestingSchedule).toEqual({
      initialReleaseTimestampMillis: 0n,
      lockedAmounts: new Array(14).fill(0n),
    });
    const r = auction(env, V1, 'withdraw_bid', withdrawBidArgs(V1, 1000n * CSPR));
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(BIG_COST);
    const bid = env.bid(V1)!;
    expect(bid.stakedAmount).toBe(V1_BOND - 1000n * CSPR);
    expect(unbondsOf(env, V1)).toEqual([
      {
        bondingPurse: bid.bondingPurse,
        validatorPublicKey: V1,
        unbonderPublicKey: V1,
        eraOfCreation: 1n,
        amount: 1000n * CSPR,
        newValidator: null,
      },
    ]);
    expect(purseBalance(env, bid.bondingPurse)).toBe(V1_BOND);
  });

  it('a non-genesis bid can be withdrawn at once; withdrawing 0 queues a 0-mote request', () => {
    const env = auctionEnv();
    auction(env, D, 'add_bid', addBidArgs(D, 1, 2000n * CSPR));
    expect(auction(env, D, 'withdraw_bid', withdrawBidArgs(D, 0n)).success).toBe(true);
    expect(auction(env, D, 'withdraw_bid', withdrawBidArgs(D, 500n * CSPR)).success).toBe(true);
    expect(env.bid(D)!.stakedAmount).toBe(1500n * CSPR);
    expect(unbondsOf(env, D).map((u) => u.amount)).toEqual([0n, 500n * CSPR]);
  });

  it('withdrawing everything unbonds every delegator, clears them and marks the bid inactive (kept)', () => {
    const env = auctionEnv();
    auction(env, D, 'add_bid', addBidArgs(D, 1, 2000n * CSPR));
    auction(env, D2, 'delegate', delegationArgs(D2, D, 700n * CSPR));
    const d2Purse = delegation(env, D, D2)!.bondingPurse;
    const r = auction(env, D, 'withdraw_bid', withdrawBidArgs(D, 2000n * CSPR));
    expect(r.success).toBe(true);
    const bid = env.bid(D)!;
    expect(bid).toMatchObject({ stakedAmount: 0n, delegators: [], inactive: true });
    expect(unbondsOf(env, D)).toEqual([
      {
        bondingPurse: bid.bondingPurse,
        validatorPublicKey: D,
        unbonderPublicKey: D,
        eraOfCreation: 0n,
        amount: 2000n * CSPR,
        newValidator: null,
      },
      {
        bondingPurse: d2Purse,
        validatorPublicKey: D,
        unbonderPublicKey: D2,
        eraOfCreation: 0n,
        amount: 700n * CSPR,
        newValidator: null,
      },
    ]);
    // add_bid re-activates it
    expect(auction(env, D, 'add_bid', addBidArgs(D, 3, 1n)).success).toBe(true);
    expect(env.bid(D)).toMatchObject({ stakedAmount: 1n, delegationRate: 3, inactive: false });
  });

  it('errors: InvalidContext, ValidatorNotFound, more than staked → UnbondTooLarge', () => {
    const env = auctionEnv();
    auction(env, D, 'add_bid', addBidArgs(D, 1, 2000n * CSPR));
    const root = env.stateRoot();
    expectRevert(auction(env, D2, 'withdraw_bid', withdrawBidArgs(D, 1n)), A.InvalidContext);
    expectRevert(auction(env, D2, 'withdraw_bid', withdrawBidArgs(D2, 1n)), A.ValidatorNotFound);
    expectRevert(auction(env, D, 'withdraw_bid', withdrawBidArgs(D, 2000n * CSPR + 1n)), A.UnbondTooLarge);
    expect(env.stateRoot()).toBe(root);
  });
});

describe('activate_bid', () => {
  it('clears the inactive flag; costs 10,000', () => {
    const env = auctionEnv();
    auction(env, D, 'add_bid', addBidArgs(D, 1, 2000n * CSPR));
    auction(env, D, 'withdraw_bid', withdrawBidArgs(D, 2000n * CSPR));
    expect(env.bid(D)!.inactive).toBe(true);
    const r = auction(env, D, 'activate_bid', [{ name: 'validator_public_key', value: CLValue.publicKey(D) }]);
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(SMALL_COST);
    expect(env.bid(D)).toMatchObject({ inactive: false, stakedAmount: 0n });
  });

  it('errors: InvalidContext, ValidatorNotFound, MissingArgument', () => {
    const env = auctionEnv();
    expectRevert(
      auction(env, D, 'activate_bid', [{ name: 'validator_public_key', value: CLValue.publicKey(V1) }]),
      A.InvalidContext,
    );
    expectRevert(
      auction(env, D, 'activate_bid', [{ name: 'validator_public_key', value: CLValue.publicKey(D) }]),
      A.ValidatorNotFound,
    );
    const r = auction(env, D, 'activate_bid', []);
    expectRevert(r, 2);
    expect(r.gasUsed).toBe(SMALL_COST);
  });
});

describe('system-only and unknown entry points', () => {
  it('run_auction, slash, distribute → InvalidCaller (16) for a user, after their arguments; 10,000 each', () => {
    const env = auctionEnv();
    const root = env.stateRoot();
    const runAuction = auction(env, D, 'run_auction', [
      { name: 'era_end_timestamp_millis', value: CLValue.u64(1n) },
      { name: 'evicted_validators', value: CLValue.list(CLTypes.PublicKey, []) },
    ]);
    expectRevert(runAuction, A.InvalidCaller);
    expect(A.InvalidCaller).toBe(64528);
    expect(runAuction.gasUsed).toBe(SMALL_COST);
    expectRevert(auction(env, D, 'run_auction', [{ name: 'era_end_timestamp_millis', value: CLValue.u64(1n) }]), 2);
    expectRevert(
      auction(env, D, 'slash', [{ name: 'validator_public_keys', value: CLValue.list(CLTypes.PublicKey, []) }]),
      A.InvalidCaller,
    );
    expectRevert(auction(env, D, 'slash', []), 2);
    expectRevert(
      auction(env, D, 'distribute', [
        { name: 'reward_factors', value: CLValue.map(CLTypes.PublicKey, CLTypes.U64, [[V1, 1n]]) },
      ]),
      A.InvalidCaller,
    );
    expect(env.stateRoot()).toBe(root);
    expect(env.eraId()).toBe(0n);
  });

  it('read_era_id and get_era_validators are open to anyone (10,000 each)', () => {
    const env = auctionEnv();
    expect(auction(env, D, 'read_era_id', []).gasUsed).toBe(SMALL_COST);
    expect(auction(env, D, 'get_era_validators', []).gasUsed).toBe(SMALL_COST);
  });

  it('entry points 1.5.6 does not have → NoSuchMethod', () => {
    const env = auctionEnv();
    for (const name of ['withdraw_delegator_reward', 'read_seigniorage_recipients', 'change_bid_public_key']) {
      const r = auction(env, D, name, []);
      expect([r.success, r.error?.kind, r.gasUsed]).toEqual([false, 'NoSuchMethod', 0]);
    }
  });

  it('the stored auction contract lists the 1.5.6 entry points with their argument names and types', () => {
    const env = auctionEnv();
    const v = env.query({ tag: 1, addr: env.services.system.auction });
    const eps = v?.tag === 3 ? v.contract.entryPoints : new Map();
    const sig = [...eps.values()]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((ep) => [
        ep.name,
        ep.args.map((a: { name: string; clType: { tag: number } }) => `${a.name}:${a.clType.tag}`).join(','),
        ep.ret.tag,
        ep.entryPointType,
      ]);
    expect(sig).toEqual([
      ['activate_bid', 'validator_public_key:22', 9, 1],
      ['add_bid', 'public_key:22,delegation_rate:3,amount:8', 8, 1],
      ['delegate', 'delegator:22,validator:22,amount:8', 8, 1],
      ['distribute', 'reward_factors:17', 9, 1],
      ['get_era_validators', '', 13, 1],
      ['read_era_id', '', 5, 1],
      ['redelegate', 'delegator:22,validator:22,amount:8,new_validator:22', 8, 1],
      ['run_auction', 'era_end_timestamp_millis:5', 9, 1],
      ['slash', '', 9, 1],
      ['undelegate', 'delegator:22,validator:22,amount:8', 8, 1],
      ['withdraw_bid', 'public_key:22,amount:8', 8, 1],
    ]);
  });
});
