/**
 * Read-only views of the auction's state in committed global state, for the test API
 * (`TestEnv.bids()`, `bid()`, `unbonds()`, `eraId()`): decoded records, no effects recorded.
 */

import type { SystemContracts } from '../../engine/context';
import type { GlobalState } from '../../state/global-state';
import type { Bid, UnbondingPurse } from '../../types/auction';
import { bidKey, hashKey, unbondKey } from '../../types/key';
import { comparePublicKeys, type PublicKey, publicKeyAccountHash } from '../../types/public-key';
import { AuctionKeys } from './runtime';

/** Every Bid record (Key::Bid), sorted by validator public key. */
export function readBids(state: GlobalState): Bid[] {
  const bids: Bid[] = [];
  for (const e of state.entries.values()) if (e.value.tag === 8) bids.push(e.value.bid);
  return bids.sort((a, b) => comparePublicKeys(a.validatorPublicKey, b.validatorPublicKey));
}

/** The Bid of the validator `publicKey` (at Key::Bid(its account hash)), if any. */
export function readBid(state: GlobalState, publicKey: PublicKey): Bid | undefined {
  const v = state.get(bidKey(publicKeyAccountHash(publicKey)));
  return v?.tag === 8 ? v.bid : undefined;
}

/**
 * The unbonding requests at Key::Unbond(accountHash) — on 1.5.6 keyed by the *validator's*
 * account hash, for its own withdrawals and its delegators' alike; empty if none.
 */
export function readUnbonds(state: GlobalState, accountHash: Uint8Array): readonly UnbondingPurse[] {
  const v = state.get(unbondKey(accountHash));
  return v?.tag === 10 ? v.unbonding : [];
}

/** The auction's current era id (its `era_id` named key). */
export function readEraIdFromState(state: GlobalState, system: SystemContracts): bigint {
  const contract = state.get(hashKey(system.auction));
  if (contract?.tag !== 3) throw new Error('no auction contract in global state');
  const key = contract.contract.namedKeys.get(AuctionKeys.eraId);
  if (key?.tag !== 2) throw new Error('the auction has no era_id named key');
  const v = state.get(key);
  const r = v?.tag === 0 ? v.clValue.asU64() : undefined;
  if (!r?.ok) throw new Error('the auction era_id is not a U64');
  return r.value;
}
