// Byte-exactness of the auction's records against casper-types 4.0.1's ToBytes, computed by hand
// from the Rust impls: Bid (validator_public_key ‖ bonding_purse ‖ staked_amount ‖
// delegation_rate ‖ vesting_schedule ‖ delegators ‖ inactive), Delegator, VestingSchedule,
// UnbondingPurse, and the seigniorage snapshot CLValue.
import type { Bid } from '../../../runtime/types/auction';
import { bytesToHex } from '../../../runtime/types/bytes';
import { bidKey, encodeKey, unbondKey } from '../../../runtime/types/key';
import { type PublicKey, publicKeyToHex } from '../../../runtime/types/public-key';
import { encodeStoredValue } from '../../../runtime/types/stored-value';
import { encodeURef } from '../../../runtime/types/uref';
import { hashKey } from '../../../runtime/types/key';
import { auction, auctionEnv, CSPR, D, delegation, delegationArgs, hashOf, redelegationArgs, V1, V2 } from './fixtures';

const pk = (k: PublicKey) => publicKeyToHex(k); // tag byte ‖ raw
const u32 = (n: number) => Buffer.from(Uint32Array.of(n).buffer).toString('hex');

describe('Bid bytes', () => {
  it('a known Bid (vesting initialized, one delegator, inactive) encodes as casper-types does', () => {
    const bid: Bid = {
      validatorPublicKey: V1,
      bondingPurse: { addr: new Uint8Array(32).fill(42), rights: 7 },
      stakedAmount: 1000n,
      delegationRate: 10,
      vestingSchedule: {
        initialReleaseTimestampMillis: 86_400_000n,
        lockedAmounts: [3n, 2n, 1n, ...new Array<bigint>(11).fill(0n)],
      },
      delegators: [
        {
          publicKey: D,
          delegator: {
            delegatorPublicKey: D,
            stakedAmount: 500n * CSPR,
            bondingPurse: { addr: new Uint8Array(32).fill(43), rights: 7 },
            validatorPublicKey: V1,
            vestingSchedule: null,
          },
        },
      ],
      inactive: true,
    };
    const expected =
      '08' + // StoredValue::Bid
      pk(V1) +
      '2a'.repeat(32) +
      '07' + // URef: addr ‖ AccessRights::READ_ADD_WRITE
      '02e803' + // U512 1000: length byte, little-endian
      '0a' + // delegation rate 10
      '01' + // Some(VestingSchedule)
      '005c260500000000' + // initial_release_timestamp_millis 86 400 000 (u64 LE)
      '01' + // Some([U512; 14])
      '0103' +
      '0102' +
      '0101' +
      '00'.repeat(11) +
      u32(1) + // BTreeMap<PublicKey, Delegator>: count
      pk(D) + // key
      pk(D) + // Delegator.delegator_public_key
      '050088526a74' + // 500 CSPR
      '2b'.repeat(32) +
      '07' +
      pk(V1) + // validator_public_key
      '00' + // vesting_schedule: None
      '01'; // inactive
    expect(bytesToHex(encodeStoredValue({ tag: 8, bid }))).toBe(expected);
  });

  it('the records the auction writes are those bytes: a genesis bid with a delegation, an unbonding list', () => {
    const env = auctionEnv();
    auction(env, D, 'delegate', delegationArgs(D, V1, 600n * CSPR));
    auction(env, D, 'redelegate', redelegationArgs(D, V1, 500n * CSPR, V2));
    const bid = env.bid(V1)!;
    const dPurse = delegation(env, V1, D)!.bondingPurse;
    expect(bytesToHex(encodeStoredValue(env.query(bidKey(hashOf(V1)))!))).toBe(
      '08' +
        pk(V1) +
        bytesToHex(encodeURef(bid.bondingPurse)) +
        '070080c6a47e8d03' + // 1 000 000 CSPR
        '0a' +
        '01' + // Bid::locked: Some(VestingSchedule { 0, None })
        '0000000000000000' +
        '00' +
        u32(1) +
        pk(D) +
        pk(D) +
        '0500e8764817' + // 100 CSPR left
        bytesToHex(encodeURef(dPurse)) +
        pk(V1) +
        '00' +
        '00',
    );
    expect(bytesToHex(encodeStoredValue(env.query(unbondKey(hashOf(V1)))!))).toBe(
      '0a' + // StoredValue::Unbonding(Vec<UnbondingPurse>)
        u32(1) +
        bytesToHex(encodeURef(dPurse)) + // bonding_purse
        pk(V1) + // validator_public_key
        pk(D) + // unbonder_public_key
        '0000000000000000' + // era_of_creation
        '050088526a74' + // amount 500 CSPR
        '01' +
        pk(V2), // new_validator: Some
    );
    expect(bytesToHex(encodeKey(unbondKey(hashOf(V1))))).toBe('0c' + bytesToHex(hashOf(V1)));
    expect(bytesToHex(encodeKey(bidKey(hashOf(V1))))).toBe('07' + bytesToHex(hashOf(V1)));
  });
});

describe('seigniorage_recipients_snapshot bytes', () => {
  it('genesis: Map(U64, Map(PublicKey, Any)) with eras 0 and 1, recipients sorted by key', () => {
    const env = auctionEnv();
    const v = env.queryPath(hashKey(env.services.system.auction), ['seigniorage_recipients_snapshot']);
    expect(v?.tag).toBe(0);
    const [first, second] = Buffer.compare(Buffer.from(V1.raw), Buffer.from(V2.raw)) < 0 ? [V1, V2] : [V2, V1];
    const recipient = (k: PublicKey) =>
      pk(k) + (k === V1 ? '070080c6a47e8d03' + '0a' : '0700008d49fd1a07' + '05') + u32(0);
    const era = (n: number) =>
      Buffer.from(BigUint64Array.of(BigInt(n)).buffer).toString('hex') + u32(2) + recipient(first) + recipient(second);
    const inner = u32(2) + era(0) + era(1);
    expect(v?.tag === 0 && bytesToHex(v.clValue.encode())).toBe(
      u32(inner.length / 2) + inner + '11' + '05' + '11' + '16' + '15',
    );
  });
});
