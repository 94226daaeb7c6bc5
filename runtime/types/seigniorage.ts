/**
 * The auction's era records (casper-types 4.0.1 `system/auction/seigniorage_recipient.rs`,
 * `system/auction.rs` type aliases): SeigniorageRecipient, the SeigniorageRecipientsSnapshot
 * stored under the auction's `seigniorage_recipients_snapshot` named key, and EraValidators
 * (what `get_era_validators` returns).
 *
 * Bytes: SeigniorageRecipient = U512 stake ‖ u8 delegation_rate ‖ BTreeMap<PublicKey, U512>;
 * the snapshot is `BTreeMap<EraId(u64), BTreeMap<PublicKey, SeigniorageRecipient>>`, whose
 * CLType is Map(U64, Map(PublicKey, Any)) (SeigniorageRecipient is CLTyped as Any).
 */
import type { Bid } from './auction';
import { type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { type CLType, CLTypes, mapType } from './cltype';
import { CLValue } from './clvalue';
import { readSortedVec, writeSortedVec } from './collections';
import { comparePublicKeys, type PublicKey, readPublicKey, writePublicKey } from './public-key';

/** One delegator's stake in a SeigniorageRecipient (an entry of `delegator_stake`). */
export interface DelegatorStake {
  /** Delegator's key (the map key). */
  readonly publicKey: PublicKey;
  /** Staked motes. */
  readonly stake: bigint;
}

/** A validator's entry in an era's recipients. */
export interface SeigniorageRecipient {
  /** Validator stake, delegators excluded. */
  readonly stake: bigint;
  /** Delegation rate (u8 percent). */
  readonly delegationRate: number;
  /** Delegators and their stakes, sorted by public key. */
  readonly delegatorStake: readonly DelegatorStake[];
}

/** One validator of an era's recipients map (`SeigniorageRecipients` entry). */
export interface RecipientEntry {
  /** Validator's key (the map key). */
  readonly publicKey: PublicKey;
  /** The recipient. */
  readonly recipient: SeigniorageRecipient;
}

/** One era of the snapshot. */
export interface SnapshotEra {
  /** EraId (u64). */
  readonly era: bigint;
  /** Recipients sorted by public key. */
  readonly recipients: readonly RecipientEntry[];
}

/** `SeigniorageRecipientsSnapshot`, eras ascending. */
export type SeigniorageRecipientsSnapshot = readonly SnapshotEra[];

/** CLType of the snapshot value: Map(U64, Map(PublicKey, Any)). */
export const SNAPSHOT_CL_TYPE: CLType = mapType(CLTypes.U64, mapType(CLTypes.PublicKey, CLTypes.Any));

/** CLType of EraValidators: Map(U64, Map(PublicKey, U512)). */
export const ERA_VALIDATORS_CL_TYPE: CLType = mapType(CLTypes.U64, mapType(CLTypes.PublicKey, CLTypes.U512));

const byEra = (a: SnapshotEra, b: SnapshotEra) => (a.era < b.era ? -1 : a.era > b.era ? 1 : 0);

/** `SeigniorageRecipient::from(&Bid)`: stake, delegation rate and every delegator's stake. */
export function recipientFromBid(bid: Bid): SeigniorageRecipient {
  return {
    stake: bid.stakedAmount,
    delegationRate: bid.delegationRate,
    delegatorStake: bid.delegators.map((d) => ({ publicKey: d.publicKey, stake: d.delegator.stakedAmount })),
  };
}

/** `total_stake()`: stake plus every delegator's stake (no overflow below 2^512 in practice). */
export function recipientTotalStake(r: SeigniorageRecipient): bigint {
  return r.delegatorStake.reduce((sum, d) => sum + d.stake, r.stake);
}

/** Reads a SeigniorageRecipient. */
export function readSeigniorageRecipient(r: Reader): SeigniorageRecipient {
  const stake = r.u512();
  const delegationRate = r.u8();
  const delegatorStake = readSortedVec(
    r,
    (x): DelegatorStake => {
      const publicKey = readPublicKey(x);
      return { publicKey, stake: x.u512() };
    },
    (a, b) => comparePublicKeys(a.publicKey, b.publicKey),
  );
  return { stake, delegationRate, delegatorStake };
}

/** Writes a SeigniorageRecipient. */
export function writeSeigniorageRecipient(w: Writer, s: SeigniorageRecipient): void {
  w.u512(s.stake);
  w.u8(s.delegationRate);
  writeSortedVec(
    w,
    s.delegatorStake,
    (x, d) => {
      writePublicKey(x, d.publicKey);
      x.u512(d.stake);
    },
    (a, b) => comparePublicKeys(a.publicKey, b.publicKey),
  );
}

/** Reads a SeigniorageRecipientsSnapshot (the inner bytes of its CLValue). */
export function readSnapshot(r: Reader): SnapshotEra[] {
  return readSortedVec(
    r,
    (x): SnapshotEra => {
      const era = x.u64();
      const recipients = readSortedVec(
        x,
        (y): RecipientEntry => {
          const publicKey = readPublicKey(y);
          return { publicKey, recipient: readSeigniorageRecipient(y) };
        },
        (a, b) => comparePublicKeys(a.publicKey, b.publicKey),
      );
      return { era, recipients };
    },
    byEra,
  );
}

/** Writes a SeigniorageRecipientsSnapshot (eras ascending, recipients by public key). */
export function writeSnapshot(w: Writer, s: SeigniorageRecipientsSnapshot): void {
  writeSortedVec(
    w,
    s,
    (x, e) => {
      x.u64(e.era);
      writeSortedVec(
        x,
        e.recipients,
        (y, r) => {
          writePublicKey(y, r.publicKey);
          writeSeigniorageRecipient(y, r.recipient);
        },
        (a, b) => comparePublicKeys(a.publicKey, b.publicKey),
      );
    },
    byEra,
  );
}

/** The snapshot as the CLValue the auction stores (Map(U64, Map(PublicKey, Any))). */
export function snapshotCLValue(s: SeigniorageRecipientsSnapshot): CLValue {
  return new CLValue(SNAPSHOT_CL_TYPE, toBytes(s, writeSnapshot, 256));
}

/** Decodes the snapshot from a CLValue's inner bytes (the caller checks the CLType). */
export function decodeSnapshot(bytes: Uint8Array): DecodeResult<SnapshotEra[]> {
  return fromBytes(bytes, readSnapshot);
}

/**
 * `era_validators_from_snapshot` as the CLValue `get_era_validators` returns: for every era, each
 * recipient's total stake (Map(U64, Map(PublicKey, U512))).
 */
export function eraValidatorsCLValue(s: SeigniorageRecipientsSnapshot): CLValue {
  return CLValue.map(
    CLTypes.U64,
    mapType(CLTypes.PublicKey, CLTypes.U512),
    s.map((e) => [
      e.era,
      { entries: e.recipients.map((r) => [r.publicKey, recipientTotalStake(r.recipient)] as const) },
    ]),
  );
}
