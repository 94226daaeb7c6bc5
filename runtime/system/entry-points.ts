/**
 * Entry points of the system contracts as stored at genesis (casper-types 4.0.1
 * `system::{mint, handle_payment, standard_payment, auction}::entry_points`): names, argument
 * names and types, return types; all Public, type Contract. Calls to these contracts run natively
 * (`dispatch.ts`); the records decide NoSuchMethod and what a test reads back.
 */

import { CLTypes, mapType, optionType, resultType, type CLType } from '../types/cltype';
import { entryPointsFrom, type EntryPoint, PUBLIC_ACCESS } from '../types/entry-points';
import type { SystemEntryPoints } from './genesis';

function ep(name: string, args: ReadonlyArray<readonly [string, CLType]>, ret: CLType): EntryPoint {
  return {
    name,
    args: args.map(([n, t]) => ({ name: n, clType: t })),
    ret,
    access: PUBLIC_ACCESS,
    entryPointType: 1,
  };
}

const resultUnitU8 = resultType(CLTypes.Unit, CLTypes.U8);

/** Entry points per system contract. */
export const SYSTEM_ENTRY_POINTS: SystemEntryPoints = {
  mint: entryPointsFrom([
    ep('mint', [['amount', CLTypes.U512]], resultType(CLTypes.URef, CLTypes.U8)),
    ep('reduce_total_supply', [['amount', CLTypes.U512]], resultUnitU8),
    ep('create', [], CLTypes.URef),
    ep('balance', [['purse', CLTypes.URef]], optionType(CLTypes.U512)),
    ep(
      'transfer',
      [
        ['to', optionType(CLTypes.ByteArray32)],
        ['source', CLTypes.URef],
        ['target', CLTypes.URef],
        ['amount', CLTypes.U512],
        ['id', optionType(CLTypes.U64)],
      ],
      resultUnitU8,
    ),
    ep('read_base_round_reward', [], CLTypes.U512),
    ep(
      'mint_into_existing_purse',
      [
        ['amount', CLTypes.U512],
        ['existing_purse', CLTypes.URef],
      ],
      resultUnitU8,
    ),
  ]),
  handlePayment: entryPointsFrom([
    ep('get_payment_purse', [], CLTypes.URef),
    ep('set_refund_purse', [['purse', CLTypes.URef]], CLTypes.Unit),
    ep('get_refund_purse', [], optionType(CLTypes.URef)),
    ep(
      'finalize_payment',
      [
        ['amount', CLTypes.U512],
        ['account', CLTypes.ByteArray32],
        ['target', CLTypes.URef],
      ],
      CLTypes.Unit,
    ),
  ]),
  standardPayment: entryPointsFrom([ep('pay', [['amount', CLTypes.U512]], resultType(CLTypes.Unit, CLTypes.U32))]),
  // casper-types 4.0.1 `system::auction::auction_entry_points` (1.5.6): the declared argument
  // lists are as stored (slash declares none, run_auction only era_end_timestamp_millis, though
  // call_host_auction also reads validator_public_keys / evicted_validators).
  auction: entryPointsFrom([
    ep('get_era_validators', [], optionType(mapType(CLTypes.PublicKey, CLTypes.U512))),
    ep(
      'add_bid',
      [
        ['public_key', CLTypes.PublicKey],
        ['delegation_rate', CLTypes.U8],
        ['amount', CLTypes.U512],
      ],
      CLTypes.U512,
    ),
    ep(
      'withdraw_bid',
      [
        ['public_key', CLTypes.PublicKey],
        ['amount', CLTypes.U512],
      ],
      CLTypes.U512,
    ),
    ep(
      'delegate',
      [
        ['delegator', CLTypes.PublicKey],
        ['validator', CLTypes.PublicKey],
        ['amount', CLTypes.U512],
      ],
      CLTypes.U512,
    ),
    ep(
      'undelegate',
      [
        ['delegator', CLTypes.PublicKey],
        ['validator', CLTypes.PublicKey],
        ['amount', CLTypes.U512],
      ],
      CLTypes.U512,
    ),
    ep(
      'redelegate',
      [
        ['delegator', CLTypes.PublicKey],
        ['validator', CLTypes.PublicKey],
        ['amount', CLTypes.U512],
        ['new_validator', CLTypes.PublicKey],
      ],
      CLTypes.U512,
    ),
    ep('run_auction', [['era_end_timestamp_millis', CLTypes.U64]], CLTypes.Unit),
    ep('slash', [], CLTypes.Unit),
    ep('distribute', [['reward_factors', mapType(CLTypes.PublicKey, CLTypes.U64)]], CLTypes.Unit),
    ep('read_era_id', [], CLTypes.U64),
    ep('activate_bid', [['validator_public_key', CLTypes.PublicKey]], CLTypes.Unit),
  ]),
};
