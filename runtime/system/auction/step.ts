/**
 * The end of an era as the node's `commit_step` runs it (casper-node 1.5.6
 * `core/engine_state/mod.rs` commit_step, `core/execution/executor.rs` call_system_contract),
 * reduced to what a test can observe without consensus: the auction's `run_auction`, called by
 * the system account (a virtual account whose main purse address is zeros) from a Session frame
 * of that account, in the Session phase, with an address generator seeded by the step's
 * synthetic deploy hash blake2b-256(era_end_timestamp_millis u64 LE ‖ next_era_id u64 LE).
 *
 * Not run: distribute_accumulated_fees (nothing accumulates under the emulated fee handling),
 * `distribute` (seigniorage rewards; no total supply or reward factors without consensus) and
 * `slash` (no equivocators); evicted_validators is empty.
 */

import { type EngineServices, Phase, type PhaseContext, RuntimeContext } from '../../engine/context';
import { ExecutionError } from '../../engine/errors';
import { GasMeter } from '../../engine/gas';
import { AddressGenerator } from '../../state/address-generator';
import type { GlobalState } from '../../state/global-state';
import { TrackingCopy, type Transform } from '../../state/tracking-copy';
import { newAccount } from '../../types/account';
import { blake2b256 } from '../../types/blake2b';
import { bytesToHex } from '../../types/bytes';
import { toBytes } from '../../types/bytesrepr';
import { CLTypes } from '../../types/cltype';
import { CLValue } from '../../types/clvalue';
import { hashKey } from '../../types/key';
import { AccessRights, newURef } from '../../types/uref';
import { SYSTEM_ACCOUNT_HASH } from '../transfer';
import { callAuction } from './index';
import { durationMillis } from './runtime';
import { readEraIdFromState } from './queries';

/** What one era end did. */
export interface StepResult {
  /** The era that has begun. */
  readonly eraId: bigint;
  /** The era end timestamp given to run_auction. */
  readonly eraEndTimestampMillis: bigint;
  /** Addresses of the Transfer records written (unbonding payouts, redelegations). */
  readonly transfers: readonly Uint8Array[];
  /** The step's effects. */
  readonly effects: readonly Transform[];
}

/**
 * The timestamp the emulator gives the end of era `eraId`: genesis is at 0 ms and every era
 * lasts the chainspec's `era_duration` (120 minutes), so era N ends at (N + 1) × era_duration.
 */
export function eraEndTimestampFor(services: EngineServices, eraId: bigint): bigint {
  return (eraId + 1n) * durationMillis(services.costs.core.era_duration);
}

/**
 * Ends the current era in `state` (commits on success). A failure is a step error on the node
 * (the node cannot proceed), so it is thrown as an Error here.
 */
export function advanceEra(state: GlobalState, services: EngineServices): StepResult {
  const current = readEraIdFromState(state, services.system);
  const nextEra = current + 1n;
  const eraEnd = eraEndTimestampFor(services, current);
  const deployHash = blake2b256(
    toBytes(eraEnd, (w, v) => w.u64(v), 8),
    toBytes(nextEra, (w, v) => w.u64(v), 8),
  );
  const tc = new TrackingCopy(state);
  const auctionHash = services.system.auction;
  const stored = tc.read(hashKey(auctionHash));
  if (stored?.tag !== 3) throw new Error('no auction contract in global state');
  const contract = stored.contract;
  const account = newAccount(SYSTEM_ACCOUNT_HASH, newURef(new Uint8Array(32), AccessRights.READ_ADD_WRITE));
  const phase: PhaseContext = {
    services,
    tc,
    gas: new GasMeter(Number.MAX_SAFE_INTEGER),
    rng: new AddressGenerator(deployHash, Phase.Session),
    phase: Phase.Session,
    blocktime: 0n,
    deployHash,
    authorizationKeys: [SYSTEM_ACCOUNT_HASH],
    account,
    callStack: [
      { tag: 0, accountHash: SYSTEM_ACCOUNT_HASH },
      { tag: 2, contractPackageHash: contract.contractPackageHash, contractHash: auctionHash },
    ],
    spendingLimit: 0n,
    transfers: [],
  };
  const rights = new Map<string, number>();
  for (const k of contract.namedKeys.values()) if (k.tag === 2) rights.set(bytesToHex(k.uref.addr), k.uref.rights);
  const ctx = new RuntimeContext(phase, hashKey(auctionHash), new Map(contract.namedKeys), rights, [], false);
  try {
    callAuction(ctx, 'run_auction', [
      { name: 'era_end_timestamp_millis', value: CLValue.u64(eraEnd) },
      { name: 'evicted_validators', value: CLValue.list(CLTypes.PublicKey, []) },
    ]);
  } catch (e) {
    if (e instanceof ExecutionError) throw new Error(`step (era ${current} → ${nextEra}) failed: ${e.message}`);
    throw e;
  }
  const effects = tc.effects();
  tc.commit();
  return { eraId: nextEra, eraEndTimestampMillis: eraEnd, transfers: phase.transfers, effects };
}
