// Era ends (TestEnv.advanceEras → the auction's run_auction as the node's step calls it):
// unbonding delay, payouts with their Transfer records, redelegation, vesting, the seigniorage
// snapshot and validator slots.
import type { TestEnv } from '../../../runtime/env';
import { SYSTEM_ACCOUNT_HASH } from '../../../runtime/system/transfer';
import { blake2b256 } from '../../../runtime/types/blake2b';
import { toBytes } from '../../../runtime/types/bytesrepr';
import { hashKey, transferKey } from '../../../runtime/types/key';
import type { PublicKey } from '../../../runtime/types/public-key';
import { decodeSnapshot, recipientTotalStake } from '../../../runtime/types/seigniorage';
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
  MIN_DELEGATION,
  NOBODY,
  purseBalance,
  redelegationArgs,
  unbondsOf,
  V1,
  V1_BOND,
  V2,
  V2_BOND,
  withdrawBidArgs,
} from './fixtures';

const ERA_MILLIS = 120n * 60n * 1000n;

function snapshot(env: TestEnv): Array<[bigint, Array<[PublicKey, bigint]>]> {
  const v = env.queryPath(hashKey(env.services.system.auction), ['seigniorage_recipients_snapshot']);
  if (v?.tag !== 0) throw new Error('no snapshot');
  const s = decodeSnapshot(v.clValue.bytes);
  if (!s.ok) throw new Error('bad snapshot');
  return s.value.map((e) => [e.era, e.recipients.map((r) => [r.publicKey, recipientTotalStake(r.recipient)])]);
}

function namedU64(env: TestEnv, name: string): bigint {
  const v = env.queryPath(hashKey(env.services.system.auction), [name]);
  const r = v?.tag === 0 ? v.clValue.asU64() : undefined;
  if (!r?.ok) throw new Error(`no ${name}`);
  return r.value;
}

describe('unbonding delay', () => {
  it('undelegated motes come back after unbonding_delay + 1 = 8 era ends (not 7), with a Transfer from the system', () => {
    const env = auctionEnv();
    auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR));
    const purse = delegation(env, V1, D)!.bondingPurse;
    auction(env, D, 'undelegate', delegationArgs(D, V1, 400n * CSPR));
    const before = balanceOf(env, D);
    expect(before).toBe(BALANCE - 1000n * CSPR);
    for (let i = 1; i <= 7; i++) {
      const [step] = env.advanceEras(1);
      expect(step.transfers).toEqual([]);
      expect(env.eraId()).toBe(BigInt(i));
      expect(balanceOf(env, D)).toBe(before);
    }
    expect(unbondsOf(env, V1)).toHaveLength(1);
    const [step] = env.advanceEras(1);
    expect(step.eraId).toBe(8n);
    expect(step.eraEndTimestampMillis).toBe(8n * ERA_MILLIS);
    expect(balanceOf(env, D)).toBe(before + 400n * CSPR);
    expect(purseBalance(env, purse)).toBe(600n * CSPR);
    expect(delegation(env, V1, D)?.stakedAmount).toBe(600n * CSPR);
    // The list stays, empty (set_unbonding_purses writes every list back).
    expect(env.query({ tag: 12, addr: hashOf(V1) })).toEqual({ tag: 10, unbonding: [] });
    expect(step.transfers).toHaveLength(1);
    const t = env.query(transferKey(step.transfers[0]));
    const deployHash = blake2b256(
      toBytes(8n * ERA_MILLIS, (w, v) => w.u64(v), 8),
      toBytes(8n, (w, v) => w.u64(v), 8),
    );
    expect(t?.tag === 5 && t.transfer).toEqual({
      deployHash,
      from: SYSTEM_ACCOUNT_HASH,
      to: hashOf(D),
      source: purse,
      target: env.account(hashOf(D))!.mainPurse,
      amount: 400n * CSPR,
      gas: 0n,
      id: null,
    });
  });

  it('each request matures from its own era of creation', () => {
    const env = auctionEnv();
    auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR));
    auction(env, D, 'undelegate', delegationArgs(D, V1, 100n * CSPR));
    env.advanceEras(2);
    auction(env, D, 'undelegate', delegationArgs(D, V1, 200n * CSPR));
    expect(unbondsOf(env, V1).map((u) => u.eraOfCreation)).toEqual([0n, 2n]);
    const base = balanceOf(env, D);
    env.advanceEras(6); // era 8: the first matured at the end of era 7
    expect(balanceOf(env, D)).toBe(base + 100n * CSPR);
    expect(unbondsOf(env, V1).map((u) => u.amount)).toEqual([200n * CSPR]);
    env.advanceEras(1);
    expect(balanceOf(env, D)).toBe(base + 100n * CSPR);
    env.advanceEras(1);
    expect(balanceOf(env, D)).toBe(base + 300n * CSPR);
  });

  it('a withdrawn bid is paid to the validator after 8 era ends; withdrawing all pays the delegators too', () => {
    const env = auctionEnv();
    auction(env, D, 'add_bid', addBidArgs(D, 1, 2000n * CSPR));
    auction(env, D2, 'delegate', delegationArgs(D2, D, 700n * CSPR));
    auction(env, D, 'withdraw_bid', withdrawBidArgs(D, 2000n * CSPR));
    env.advanceEras(7);
    expect([balanceOf(env, D), balanceOf(env, D2)]).toEqual([BALANCE - 2000n * CSPR, BALANCE - 700n * CSPR]);
    const [step] = env.advanceEras(1);
    expect([balanceOf(env, D), balanceOf(env, D2)]).toEqual([BALANCE, BALANCE]);
    expect(step.transfers).toHaveLength(2);
    expect(env.bid(D)).toMatchObject({ stakedAmount: 0n, inactive: true, delegators: [] });
  });
});

describe('redelegation', () => {
  function redelegated(target: PublicKey, amount = 600n * CSPR) {
    const env = auctionEnv();
    auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR));
    const oldPurse = delegation(env, V1, D)!.bondingPurse;
    expect(auction(env, D, 'redelegate', redelegationArgs(D, V1, amount, target)).success).toBe(true);
    return { env, oldPurse };
  }

  it('moves the stake to new_validator as a new delegation (new purse) when the request matures', () => {
    const { env, oldPurse } = redelegated(V2);
    env.advanceEras(7);
    expect(delegation(env, V2, D)).toBeUndefined();
    const [step] = env.advanceEras(1);
    const moved = delegation(env, V2, D)!;
    expect(moved).toMatchObject({ delegatorPublicKey: D, stakedAmount: 600n * CSPR, validatorPublicKey: V2 });
    expect(purseBalance(env, moved.bondingPurse)).toBe(600n * CSPR);
    expect(purseBalance(env, oldPurse)).toBe(400n * CSPR);
    expect(delegation(env, V1, D)?.stakedAmount).toBe(400n * CSPR);
    expect(balanceOf(env, D)).toBe(BALANCE - 1000n * CSPR);
    const t = env.query(transferKey(step.transfers[0]));
    expect(t?.tag === 5 && t.transfer).toMatchObject({
      from: SYSTEM_ACCOUNT_HASH,
      to: SYSTEM_ACCOUNT_HASH,
      source: oldPurse,
      target: moved.bondingPurse,
      amount: 600n * CSPR,
    });
  });

  it('tops up an existing delegation to new_validator in its purse', () => {
    const env = auctionEnv();
    auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR));
    auction(env, D, 'delegate', delegationArgs(D, V2, MIN_DELEGATION));
    const v2Purse = delegation(env, V2, D)!.bondingPurse;
    auction(env, D, 'redelegate', redelegationArgs(D, V1, 1000n * CSPR, V2));
    env.advanceEras(8);
    expect(delegation(env, V1, D)).toBeUndefined();
    expect(delegation(env, V2, D)).toMatchObject({ stakedAmount: 1500n * CSPR, bondingPurse: v2Purse });
    expect(purseBalance(env, v2Purse)).toBe(1500n * CSPR);
  });

  it('to an unknown validator: paid back to the delegator', () => {
    const { env, oldPurse } = redelegated(NOBODY);
    env.advanceEras(8);
    expect(balanceOf(env, D)).toBe(BALANCE - 400n * CSPR);
    expect(purseBalance(env, oldPurse)).toBe(400n * CSPR);
  });

  it('to a validator whose stake is 0 by then: paid back', () => {
    const env = auctionEnv();
    auction(env, D2, 'add_bid', addBidArgs(D2, 1, 1000n * CSPR));
    auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR));
    auction(env, D, 'redelegate', redelegationArgs(D, V1, 1000n * CSPR, D2));
    auction(env, D2, 'withdraw_bid', withdrawBidArgs(D2, 1000n * CSPR));
    env.advanceEras(8);
    expect(balanceOf(env, D)).toBe(BALANCE);
    expect(env.bid(D2)!.delegators).toEqual([]);
  });

  it('to a validator at max_delegators_per_validator: paid back', () => {
    const env = auctionEnv({ costs: { core: { max_delegators_per_validator: 1 } } });
    auction(env, D2, 'delegate', delegationArgs(D2, V2, MIN_DELEGATION));
    auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR));
    auction(env, D, 'redelegate', redelegationArgs(D, V1, 1000n * CSPR, V2));
    env.advanceEras(8);
    expect(balanceOf(env, D)).toBe(BALANCE);
    expect(delegation(env, V2, D)).toBeUndefined();
  });
});

describe('run_auction bookkeeping', () => {
  it('genesis: era 0, end timestamp 0, snapshot for eras 0..=auction_delay, named keys as create_auction', () => {
    const env = auctionEnv();
    expect(env.eraId()).toBe(0n);
    expect(namedU64(env, 'era_end_timestamp_millis')).toBe(0n);
    expect(namedU64(env, 'auction_delay')).toBe(1n);
    expect(namedU64(env, 'unbonding_delay')).toBe(7n);
    expect(namedU64(env, 'locked_funds_period')).toBe(0n);
    const slots = env.queryPath(hashKey(env.services.system.auction), ['validator_slots']);
    expect(slots?.tag === 0 && slots.clValue.asU32()).toEqual({ ok: true, value: 100 });
    const genesis: Array<[PublicKey, bigint]> = [
      [V1, V1_BOND],
      [V2, V2_BOND],
    ].sort((a, b) =>
      Buffer.compare(Buffer.from((a[0] as PublicKey).raw), Buffer.from((b[0] as PublicKey).raw)),
    ) as Array<[PublicKey, bigint]>;
    expect(snapshot(env)).toEqual([
      [0n, genesis],
      [1n, genesis],
    ]);
  });

  it('each era end adds era + 1 + auction_delay with the current stakes, keeps 2 eras, moves era id and timestamp', () => {
    const env = auctionEnv();
    auction(env, D, 'delegate', delegationArgs(D, V1, 1000n * CSPR));
    env.advanceEras(1);
    expect(env.eraId()).toBe(1n);
    expect(namedU64(env, 'era_end_timestamp_millis')).toBe(ERA_MILLIS);
    const eras = snapshot(env);
    expect(eras.map((e) => e[0])).toEqual([1n, 2n]);
    const era2 = new Map(eras[1][1].map(([pk, s]) => [Buffer.from(pk.raw).toString('hex'), s]));
    expect(era2.get(Buffer.from(V1.raw).toString('hex'))).toBe(V1_BOND + 1000n * CSPR);
    expect(era2.get(Buffer.from(V2.raw).toString('hex'))).toBe(V2_BOND);
    env.advanceEras(2);
    expect(snapshot(env).map((e) => e[0])).toEqual([3n, 4n]);
    expect(namedU64(env, 'era_end_timestamp_millis')).toBe(3n * ERA_MILLIS);
  });

  it('validator_slots: only the largest total stakes win; inactive bids never do', () => {
    const env = auctionEnv({ costs: { core: { validator_slots: 2 } } });
    const X = env.defaultPublicKey;
    expect(auction(env, X, 'add_bid', addBidArgs(X, 1, 1_500_000n * CSPR)).success).toBe(true); // between V1 and V2
    env.advanceEras(1);
    const winners = (era: number) => snapshot(env)[era][1].map(([pk]) => Buffer.from(pk.raw).toString('hex'));
    const hex = (pk: PublicKey) => Buffer.from(pk.raw).toString('hex');
    expect(winners(1).sort()).toEqual([hex(X), hex(V2)].sort());
    // V1's total becomes 1.6M > X's 1.5M
    expect(auction(env, X, 'delegate', delegationArgs(X, V1, 600_000n * CSPR)).success).toBe(true);
    env.advanceEras(1);
    expect(winners(1).sort()).toEqual([hex(V1), hex(V2)].sort());
    auction(env, V2, 'withdraw_bid', withdrawBidArgs(V2, V2_BOND));
    env.advanceEras(1);
    expect(winners(1).sort()).toEqual([hex(V1), hex(X)].sort());
  });

  it('genesis vesting schedules are initialized at the first era end (bids rewritten once)', () => {
    const env = auctionEnv();
    expect(env.bid(V1)!.vestingSchedule?.lockedAmounts).toBeNull();
    const [first] = env.advanceEras(1);
    expect(env.bid(V2)!.vestingSchedule?.lockedAmounts).toEqual(new Array(14).fill(0n));
    expect(first.effects.filter((t) => t.key.tag === 7 && t.kind === 'Write')).toHaveLength(2);
    const [second] = env.advanceEras(1);
    expect(second.effects.filter((t) => t.key.tag === 7 && t.kind === 'Write')).toHaveLength(0);
  });

  it('the default environment (no validators) has an empty auction that still advances', () => {
    const env = new (require('../../../runtime/env').TestEnv)() as TestEnv;
    expect(env.bids()).toEqual([]);
    expect(env.eraId()).toBe(0n);
    env.advanceEras(3);
    expect(env.eraId()).toBe(3n);
    expect(snapshot(env)).toEqual([
      [3n, []],
      [4n, []],
    ]);
  });
});
