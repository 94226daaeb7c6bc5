import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ChainspecCosts,
  HOST_FUNCTION_COST_RULES,
  hostFunctionCost,
  loadCosts,
  storageCost,
} from '../../runtime/costs';
import { HOST_FUNCTIONS, PRINT_FUNCTION } from '../../runtime/wasm/host-functions';

// `[wasm.host_function_costs]` of casper-node v1.5.6 resources/production/chainspec.toml, verbatim.
const TOML_156_HOST_FUNCTIONS = `
add = { cost = 5_800, arguments = [0, 0, 0, 0] }
add_associated_key = { cost = 1_200_000, arguments = [0, 0, 0] }
add_contract_version = { cost = 200, arguments = [0, 0, 0, 0, 120_000, 0, 0, 0, 0, 0] }
blake2b = { cost = 1_200_000, arguments = [0, 120_000, 0, 0] }
call_contract = { cost = 300_000_000, arguments = [0, 0, 0, 120_000, 0, 120_000, 0] }
call_versioned_contract = { cost = 300_000_000, arguments = [0, 0, 0, 0, 0, 120_000, 0, 120_000, 0] }
create_contract_package_at_hash = { cost = 200, arguments = [0, 0] }
create_contract_user_group = { cost = 200, arguments = [0, 0, 0, 0, 0, 0, 0, 0] }
create_purse = { cost = 2_500_000_000, arguments = [0, 0] }
disable_contract_version = { cost = 200, arguments = [0, 0, 0, 0] }
get_balance = { cost = 3_000_000, arguments = [0, 0, 0] }
get_blocktime = { cost = 330, arguments = [0] }
get_caller = { cost = 380, arguments = [0] }
get_key = { cost = 2_000, arguments = [0, 440, 0, 0, 0] }
get_main_purse = { cost = 1_300, arguments = [0] }
get_named_arg = { cost = 200, arguments = [0, 120_000, 0, 120_000] }
get_named_arg_size = { cost = 200, arguments = [0, 0, 0] }
get_phase = { cost = 710, arguments = [0] }
get_system_contract = { cost = 1_100, arguments = [0, 0, 0] }
has_key = { cost = 1_500, arguments = [0, 840] }
is_valid_uref = { cost = 760, arguments = [0, 0] }
load_named_keys = { cost = 42_000, arguments = [0, 0] }
new_uref = { cost = 17_000, arguments = [0, 0, 590] }
random_bytes = { cost = 200, arguments = [0, 0] }
print = { cost = 20_000, arguments = [0, 4_600] }
provision_contract_user_group_uref = { cost = 200, arguments = [0, 0, 0, 0, 0] }
put_key = { cost = 100_000_000, arguments = [0, 120_000, 0, 120_000] }
read_host_buffer = { cost = 3_500, arguments = [0, 310, 0] }
read_value = { cost = 60_000, arguments = [0, 120_000, 0] }
read_value_local = { cost = 5_500, arguments = [0, 590, 0] }
remove_associated_key = { cost = 4_200, arguments = [0, 0] }
remove_contract_user_group = { cost = 200, arguments = [0, 0, 0, 0] }
remove_contract_user_group_urefs = { cost = 200, arguments = [0, 0, 0, 0, 0, 120_000] }
remove_key = { cost = 61_000, arguments = [0, 3_200] }
ret = { cost = 23_000, arguments = [0, 420_000] }
revert = { cost = 500, arguments = [0] }
set_action_threshold = { cost = 74_000, arguments = [0, 0] }
transfer_from_purse_to_account = { cost = 2_500_000_000, arguments = [0, 0, 0, 0, 0, 0, 0, 0, 0] }
transfer_from_purse_to_purse = { cost = 82_000_000, arguments = [0, 0, 0, 0, 0, 0, 0, 0] }
transfer_to_account = { cost = 2_500_000_000, arguments = [0, 0, 0, 0, 0, 0, 0] }
update_associated_key = { cost = 4_200, arguments = [0, 0, 0] }
write = { cost = 14_000, arguments = [0, 0, 0, 980] }
write_local = { cost = 9_500, arguments = [0, 1_800, 0, 520] }
enable_contract_version = { cost = 200, arguments = [0, 0, 0, 0] }
`;

// `[wasm.v1.host_function_costs]` of casper-node feat-2.0 (30236763b) production chainspec, verbatim.
const TOML_20_HOST_FUNCTIONS = `
add = { cost = 5_800, arguments = [0, 0, 0, 0] }
add_associated_key = { cost = 1_200_000, arguments = [0, 0, 0] }
add_contract_version = { cost = 200, arguments = [0, 0, 0, 0, 120_000, 0, 0, 0, 0, 0] }
add_contract_version_with_message_topics = { cost = 200, arguments = [0, 0, 0, 0, 120_000, 0, 0, 0, 30_000, 0, 0] }
add_package_version = { cost = 200, arguments = [0, 0, 0, 0, 120_000, 0, 0, 0, 30_000, 0, 0] }
blake2b = { cost = 1_200_000, arguments = [0, 120_000, 0, 0] }
call_contract = { cost = 300_000_000, arguments = [0, 0, 0, 120_000, 0, 120_000, 0] }
call_versioned_contract = { cost = 300_000_000, arguments = [0, 0, 0, 0, 0, 120_000, 0, 120_000, 0] }
create_contract_package_at_hash = { cost = 200, arguments = [0, 0] }
create_contract_user_group = { cost = 200, arguments = [0, 0, 0, 0, 0, 0, 0, 0] }
create_purse = { cost = 2_500_000_000, arguments = [0, 0] }
disable_contract_version = { cost = 200, arguments = [0, 0, 0, 0] }
get_balance = { cost = 3_000_000, arguments = [0, 0, 0] }
get_blocktime = { cost = 330, arguments = [0] }
get_caller = { cost = 380, arguments = [0] }
get_key = { cost = 2_000, arguments = [0, 440, 0, 0, 0] }
get_main_purse = { cost = 1_300, arguments = [0] }
get_named_arg = { cost = 200, arguments = [0, 120_000, 0, 120_000] }
get_named_arg_size = { cost = 200, arguments = [0, 0, 0] }
get_phase = { cost = 710, arguments = [0] }
get_system_contract = { cost = 1_100, arguments = [0, 0, 0] }
has_key = { cost = 1_500, arguments = [0, 840] }
is_valid_uref = { cost = 760, arguments = [0, 0] }
load_named_keys = { cost = 42_000, arguments = [0, 0] }
new_uref = { cost = 17_000, arguments = [0, 0, 590] }
random_bytes = { cost = 200, arguments = [0, 0] }
print = { cost = 20_000, arguments = [0, 4_600] }
provision_contract_user_group_uref = { cost = 200, arguments = [0, 0, 0, 0, 0] }
put_key = { cost = 100_000_000, arguments = [0, 120_000, 0, 120_000] }
read_host_buffer = { cost = 3_500, arguments = [0, 310, 0] }
read_value = { cost = 60_000, arguments = [0, 120_000, 0] }
dictionary_get = { cost = 5_500, arguments = [0, 590, 0] }
remove_associated_key = { cost = 4_200, arguments = [0, 0] }
remove_contract_user_group = { cost = 200, arguments = [0, 0, 0, 0] }
remove_contract_user_group_urefs = { cost = 200, arguments = [0, 0, 0, 0, 0, 120_000] }
remove_key = { cost = 61_000, arguments = [0, 3_200] }
ret = { cost = 23_000, arguments = [0, 420_000] }
revert = { cost = 500, arguments = [0] }
set_action_threshold = { cost = 74_000, arguments = [0, 0] }
transfer_from_purse_to_account = { cost = 2_500_000_000, arguments = [0, 0, 0, 0, 0, 0, 0, 0, 0] }
transfer_from_purse_to_purse = { cost = 82_000_000, arguments = [0, 0, 0, 0, 0, 0, 0, 0] }
transfer_to_account = { cost = 2_500_000_000, arguments = [0, 0, 0, 0, 0, 0, 0] }
update_associated_key = { cost = 4_200, arguments = [0, 0, 0] }
write = { cost = 14_000, arguments = [0, 0, 0, 980] }
dictionary_put = { cost = 9_500, arguments = [0, 1_800, 0, 520] }
enable_contract_version = { cost = 200, arguments = [0, 0, 0, 0] }
manage_message_topic = { cost = 200, arguments = [0, 30_000, 0, 0] }
emit_message = { cost = 200, arguments = [0, 30_000, 0, 120_000] }
generic_hash = { cost = 1_200_000, arguments = [0, 120_000, 0, 0, 0] }
get_block_info = { cost = 330, arguments = [0, 0] }
`;

/** Independent reader for the verbatim lines above (regex, not the generator's parser). */
function parseHostFunctionLines(text: string): Record<string, { cost: number; arguments: number[] }> {
  const out: Record<string, { cost: number; arguments: number[] }> = {};
  for (const line of text.trim().split('\n')) {
    const m = /^(\w+) = \{ cost = ([\d_]+), arguments = \[([\d_, ]*)\] \}$/.exec(line);
    if (!m) throw new Error(`unexpected line ${line}`);
    const num = (s: string) => Number(s.replace(/_/g, ''));
    out[m[1]] = { cost: num(m[2]), arguments: m[3].split(',').map((s) => num(s.trim())) };
  }
  return out;
}

/** Wasm arguments 1, 2, 3, … so each weight's position shows in the result. */
const positional = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('chainspec JSON equals the TOML', () => {
  test('1.5.6: every host function entry, same names, same figures', () => {
    const costs = loadCosts('1.5.6');
    const expected = parseHostFunctionLines(TOML_156_HOST_FUNCTIONS);
    expect(Object.keys(expected)).toHaveLength(44);
    expect(costs.wasm.host_function_costs).toEqual(expected);
  });

  test('2.0: every [wasm.v1] host function entry; cost_increase_per_message hoisted to wasm', () => {
    const costs = loadCosts('2.0');
    const expected = parseHostFunctionLines(TOML_20_HOST_FUNCTIONS);
    expect(Object.keys(expected)).toHaveLength(50);
    expect(costs.wasm.host_function_costs).toEqual(expected);
    expect(costs.wasm.cost_increase_per_message).toBe(50);
    expect(costs.wasm.messages_limits).toEqual({
      max_topic_name_size: 256,
      max_topics_per_contract: 128,
      max_message_size: 1024,
    });
  });

  test('1.5.6 [wasm], opcode costs incl. control flow and br_table, storage', () => {
    const { wasm, storage_costs, protocol } = loadCosts('1.5.6');
    expect(protocol.version).toBe('1.5.6');
    expect(wasm.max_memory).toBe(64);
    expect(wasm.max_stack_height).toBe(500);
    expect(storage_costs.gas_per_byte).toBe(1_117_587);
    expect(wasm.opcode_costs).toEqual({
      bit: 300,
      add: 210,
      mul: 240,
      div: 320,
      load: 2_500,
      store: 4_700,
      const: 110,
      local: 390,
      global: 390,
      integer_comparison: 250,
      conversion: 420,
      unreachable: 270,
      nop: 200,
      current_memory: 290,
      grow_memory: 240_000,
      control_flow: {
        block: 440,
        loop: 440,
        if: 440,
        else: 440,
        end: 440,
        br: 35_000,
        br_if: 35_000,
        return: 440,
        select: 440,
        call: 68_000,
        call_indirect: 68_000,
        drop: 440,
        br_table: { cost: 35_000, size_multiplier: 100 },
      },
    });
  });

  test('2.0 opcode costs add sign = 300, the rest unchanged; storage moved to [storage_costs]', () => {
    const v15 = loadCosts('1.5.6');
    const v20 = loadCosts('2.0');
    expect(v20.protocol.version).toBe('2.0.0');
    expect(v20.wasm.opcode_costs).toEqual({ ...v15.wasm.opcode_costs, sign: 300 });
    expect(v20.storage_costs).toEqual({ gas_per_byte: 1_117_587 });
    expect([v20.wasm.max_memory, v20.wasm.max_stack_height]).toEqual([64, 500]);
  });

  test('1.5.6 system costs', () => {
    const { system_costs } = loadCosts('1.5.6');
    expect(system_costs).toEqual({
      wasmless_transfer_cost: 100_000_000,
      auction_costs: {
        get_era_validators: 10_000,
        read_seigniorage_recipients: 10_000,
        add_bid: 2_500_000_000,
        withdraw_bid: 2_500_000_000,
        delegate: 2_500_000_000,
        undelegate: 2_500_000_000,
        run_auction: 10_000,
        slash: 10_000,
        distribute: 10_000,
        withdraw_delegator_reward: 10_000,
        withdraw_validator_reward: 10_000,
        read_era_id: 10_000,
        activate_bid: 10_000,
        redelegate: 2_500_000_000,
      },
      mint_costs: {
        mint: 2_500_000_000,
        reduce_total_supply: 10_000,
        create: 2_500_000_000,
        balance: 10_000,
        transfer: 10_000,
        read_base_round_reward: 10_000,
        mint_into_existing_purse: 2_500_000_000,
      },
      handle_payment_costs: {
        get_payment_purse: 10_000,
        set_refund_purse: 10_000,
        get_refund_purse: 10_000,
        finalize_payment: 10_000,
      },
      standard_payment_costs: { pay: 10_000 },
    });
  });

  test('2.0 system costs differ where the TOML does', () => {
    const { system_costs } = loadCosts('2.0');
    expect(system_costs.wasmless_transfer_cost).toBeUndefined();
    expect(system_costs.auction_costs.add_bid).toBe(5_000_000_000_000);
    expect(system_costs.auction_costs.change_bid_public_key).toBe(5_000_000_000);
    expect(system_costs.auction_costs.add_reservations).toBe(2_500_000_000);
    expect(system_costs.auction_costs.cancel_reservations).toBe(2_500_000_000);
    expect(system_costs.mint_costs.transfer).toBe(100_000_000);
    expect(system_costs.mint_costs.burn).toBe(10_000);
    expect(system_costs.standard_payment_costs.pay).toBe(10_000);
  });

  test('1.5.6 [core] and [deploys] figures', () => {
    const { core, deploys, vacancy } = loadCosts('1.5.6');
    expect(core).toEqual({
      era_duration: '120 minutes',
      minimum_era_height: 20,
      minimum_block_time: '16384 ms',
      validator_slots: 100,
      auction_delay: 1,
      locked_funds_period: '0 days',
      vesting_schedule_period: '0 weeks',
      unbonding_delay: 7,
      round_seigniorage_rate: '7/175070816',
      max_associated_keys: 100,
      max_runtime_call_stack_height: 12,
      minimum_delegation_amount: 500_000_000_000,
      strict_argument_checking: false,
      max_delegators_per_validator: 1200,
      allow_unrestricted_transfers: true,
      allow_auction_bids: true,
      compute_rewards: true,
      refund_handling: { type: 'refund', refund_ratio: '99/100' },
      fee_handling: { type: 'pay_to_proposer' },
      administrators: [],
    });
    expect(deploys).toEqual({
      max_payment_cost: '0',
      max_ttl: '2 hours',
      max_dependencies: 10,
      max_block_size: 5_242_880,
      max_deploy_size: 1_048_576,
      block_max_deploy_count: 25,
      block_max_transfer_count: 650,
      block_max_approval_count: 2600,
      block_gas_limit: 4_000_000_000_000,
      payment_args_max_length: 1024,
      session_args_max_length: 1024,
      native_transfer_minimum_motes: 2_500_000_000,
      max_timestamp_leeway: '5 seconds',
    });
    expect(vacancy).toBeUndefined();
  });

  test('2.0 [core], [transactions], [vacancy] figures; u64 beyond 2^53 kept exact as a string', () => {
    const { core, deploys, vacancy, transactions_v1 } = loadCosts('2.0');
    expect(core.maximum_delegation_amount).toBe('1000000000000000000');
    expect(BigInt(core.maximum_delegation_amount!)).toBe(10n ** 18n);
    expect(core.minimum_bid_amount).toBe(10_000_000_000_000);
    expect(core.minimum_delegation_amount).toBe(500_000_000_000);
    expect(core.validator_credit_cap).toBe('1/5');
    expect(core.refund_handling).toEqual({ type: 'no_refund' });
    expect(core.fee_handling).toEqual({ type: 'no_fee' });
    expect(core.pricing_handling).toEqual({ type: 'fixed' });
    expect(core.enable_addressable_entity).toBe(false);
    expect([core.max_associated_keys, core.max_runtime_call_stack_height, core.max_delegators_per_validator]).toEqual([
      100, 12, 1200,
    ]);
    expect(deploys.block_gas_limit).toBe(3_300_000_000_000);
    expect(deploys.max_payment_cost).toBe('0');
    expect(deploys.native_transfer_minimum_motes).toBe(2_500_000_000);
    expect(deploys.session_args_max_length).toBe(1024);
    expect(vacancy).toEqual({ upper_threshold: 90, lower_threshold: 50, max_gas_price: 3, min_gas_price: 1 });
    expect(transactions_v1?.wasm_lanes[2]).toEqual([5, 12_288, 512, 1_500_000_000, 15]);
  });
});

describe('hostFunctionCost', () => {
  const costs = loadCosts('1.5.6');

  test('ABI §6.3 worked examples', () => {
    // write(key, u64 CLValue: 13 bytes)
    expect(hostFunctionCost(costs, 'casper_write', [100, 34, 200, 13])).toBe(14_000n + 980n * 13n);
    expect(hostFunctionCost(costs, 'casper_write', [100, 34, 200, 13])).toBe(26_740n);
    // put_key("counter" as String = 11 bytes, Key::URef = 34 bytes)
    expect(hostFunctionCost(costs, 'casper_put_key', [100, 11, 200, 34])).toBe(105_400_000n);
    // dictionary_put(seed URef 33 bytes, "alice" 5 bytes, u64 CLValue 13 bytes)
    expect(hostFunctionCost(costs, 'casper_dictionary_put', [100, 33, 200, 5, 300, 13])).toBe(25_260n);
    // new_dictionary(out_size_ptr): new_uref entry over [0, 0, 33], whatever the pointer
    expect(hostFunctionCost(costs, 'casper_new_dictionary', [4096])).toBe(36_470n);
    expect(hostFunctionCost(costs, 'casper_new_dictionary', [0])).toBe(36_470n);
  });

  test('the casper_ prefix is optional', () => {
    expect(hostFunctionCost(costs, 'put_key', [100, 11, 200, 34])).toBe(105_400_000n);
    expect(hostFunctionCost(costs, 'revert', [65_543])).toBe(500n);
  });

  // Expected charge of every import for Wasm arguments 1, 2, 3, …, written from the ABI note §2
  // (base + weight × the argument it names) and the externals.rs argument lists.
  const EXPECTED_156: Record<string, bigint> = {
    casper_read_value: 60_000n + 120_000n * 2n, // key_size
    casper_dictionary_get: 5_500n + 590n * 4n, // item_size (Wasm arg 4 of 5)
    casper_dictionary_read: 60_000n + 120_000n * 2n, // read_value entry, key_size
    casper_dictionary_put: 9_500n + 1_800n * 4n + 520n * 6n, // item_size, value_size
    casper_new_dictionary: 17_000n + 590n * 33n,
    casper_write: 14_000n + 980n * 4n,
    casper_add: 5_800n,
    casper_new_uref: 17_000n + 590n * 3n,
    casper_load_named_keys: 42_000n,
    casper_ret: 23_000n + 420_000n * 2n,
    casper_get_key: 2_000n + 440n * 2n,
    casper_has_key: 1_500n + 840n * 2n,
    casper_put_key: 100_000_000n + 120_000n * 2n + 120_000n * 4n,
    casper_remove_key: 61_000n + 3_200n * 2n,
    casper_revert: 500n,
    casper_is_valid_uref: 760n,
    casper_add_associated_key: 1_200_000n,
    casper_remove_associated_key: 4_200n,
    casper_update_associated_key: 4_200n,
    casper_set_action_threshold: 74_000n,
    casper_get_caller: 380n,
    casper_get_blocktime: 330n,
    casper_create_purse: 2_500_000_000n,
    casper_transfer_to_account: 2_500_000_000n,
    casper_transfer_from_purse_to_account: 2_500_000_000n,
    casper_transfer_from_purse_to_purse: 82_000_000n,
    casper_get_balance: 3_000_000n,
    casper_get_phase: 710n,
    casper_get_system_contract: 1_100n,
    casper_get_main_purse: 1_300n,
    casper_read_host_buffer: 3_500n + 310n * 2n,
    casper_create_contract_package_at_hash: 200n,
    casper_create_contract_user_group: 200n,
    casper_add_contract_version: 200n + 120_000n * 5n, // entry_points_size
    casper_disable_contract_version: 200n,
    casper_enable_contract_version: 200n,
    casper_call_contract: 300_000_000n + 120_000n * 4n + 120_000n * 6n, // entry point name, args
    casper_call_versioned_contract: 300_000_000n + 120_000n * 6n + 120_000n * 8n,
    casper_get_named_arg_size: 200n,
    casper_get_named_arg: 200n + 120_000n * 2n + 120_000n * 4n, // name_size, dest_size
    casper_remove_contract_user_group: 200n,
    casper_provision_contract_user_group_uref: 200n,
    casper_remove_contract_user_group_urefs: 200n + 120_000n * 6n, // urefs_size
    casper_blake2b: 1_200_000n + 120_000n * 2n, // in_size
    casper_random_bytes: 200n,
    casper_load_call_stack: 10_000n, // HostFunction::fixed(10_000) in externals.rs
    casper_load_authorization_keys: 10_000n,
    casper_record_transfer: 0n, // not charged
    casper_record_era_info: 0n,
    casper_print: 20_000n + 4_600n * 2n,
  };

  test('every 1.5.6 import (resolver list + print) is charged as externals.rs does', () => {
    const all = [...HOST_FUNCTIONS, PRINT_FUNCTION];
    expect(all.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED_156).sort());
    for (const f of all) {
      expect([f.name, hostFunctionCost(costs, f.name, positional(f.params))]).toEqual([f.name, EXPECTED_156[f.name]]);
    }
  });

  test('weights apply to u32 arguments: a negative i32 counts as 2^32 + value', () => {
    expect(hostFunctionCost(costs, 'casper_write', [0, 0, 0, -1])).toBe(14_000n + 980n * 0xffff_ffffn);
  });

  test('U512-safe: u32 weights × u32 arguments beyond 2^53', () => {
    const big = loadCosts('1.5.6', {
      wasm: { host_function_costs: { ret: { arguments: [0xffff_ffff, 0xffff_ffff] } } },
    });
    const max = 0xffff_ffffn;
    expect(hostFunctionCost(big, 'casper_ret', [-1, 0xffff_ffff])).toBe(23_000n + 2n * max * max);
  });

  test('chainspec entry names that are not imports take the charged arguments directly', () => {
    expect(hostFunctionCost(costs, 'read_value_local', [0, 5, 0])).toBe(5_500n + 590n * 5n);
    expect(hostFunctionCost(costs, 'write_local', [0, 5, 0, 13])).toBe(25_260n);
  });

  test('unknown names and too few arguments throw', () => {
    expect(() => hostFunctionCost(costs, 'casper_nope', [])).toThrow('no host function cost for casper_nope');
    expect(() => hostFunctionCost(costs, 'casper_emit_message', [1, 2, 3, 4])).toThrow(RangeError);
    expect(() => hostFunctionCost(costs, 'casper_dictionary_put', [1, 2, 3, 4])).toThrow(
      'casper_dictionary_put: expected at least 6 arguments, got 4',
    );
    expect(() => hostFunctionCost(costs, 'casper_write', [1, 2, 3])).toThrow(RangeError);
    expect(() => hostFunctionCost(costs, 'toString', [])).toThrow(RangeError);
  });

  test('2.0: renamed dictionary entries, new imports and their charging rules', () => {
    const v2 = loadCosts('2.0');
    expect(hostFunctionCost(v2, 'casper_dictionary_get', [1, 33, 3, 5, 5])).toBe(5_500n + 590n * 5n);
    expect(hostFunctionCost(v2, 'casper_dictionary_put', [100, 33, 200, 5, 300, 13])).toBe(25_260n);
    expect(hostFunctionCost(v2, 'casper_new_dictionary', [8])).toBe(36_470n);
    expect(hostFunctionCost(v2, 'casper_add_package_version', positional(11))).toBe(
      200n + 120_000n * 5n + 30_000n * 9n,
    );
    // externals.rs charges add_contract_version_with_message_topics with the add_package_version entry.
    expect(hostFunctionCost(v2, 'casper_add_contract_version_with_message_topics', positional(11))).toBe(
      200n + 120_000n * 5n + 30_000n * 9n,
    );
    expect(hostFunctionCost(v2, 'casper_manage_message_topic', positional(4))).toBe(200n + 30_000n * 2n);
    expect(hostFunctionCost(v2, 'casper_emit_message', positional(4))).toBe(200n + 30_000n * 2n + 120_000n * 4n);
    expect(hostFunctionCost(v2, 'casper_generic_hash', positional(5))).toBe(1_200_000n + 120_000n * 2n);
    expect(hostFunctionCost(v2, 'casper_get_block_info', [7, 9])).toBe(330n);
    expect(hostFunctionCost(v2, 'casper_load_caller_information', positional(3))).toBe(10_000n);
    expect(hostFunctionCost(v2, 'casper_load_call_stack', positional(2))).toBe(10_000n);
  });

  test('rules only name entries that exist in a table', () => {
    const v15 = loadCosts('1.5.6').wasm.host_function_costs;
    const v20 = loadCosts('2.0').wasm.host_function_costs;
    for (const [name, rule] of Object.entries(HOST_FUNCTION_COST_RULES)) {
      if (rule.fixed !== undefined) continue;
      const entries = rule.entry ?? [name];
      expect([name, entries.some((e) => e in v15 || e in v20)]).toEqual([name, true]);
    }
  });
});

describe('storageCost', () => {
  const costs = loadCosts();

  test('ABI §6.3 examples', () => {
    expect(storageCost(costs, 14)).toBe(15_646_218n); // u64 CLValue StoredValue
    expect(storageCost(costs, 53)).toBe(59_232_111n); // put_key (String, Key) tuple
    expect(storageCost(costs, 64)).toBe(71_525_568n); // dictionary_put("alice", u64)
    expect(storageCost(costs, 6)).toBe(6_705_522n); // Unit URef
    expect(storageCost(costs, 109)).toBe(121_816_983n); // fresh account
    expect(storageCost(costs, 0)).toBe(0n);
  });

  test('large lengths stay exact', () => {
    expect(storageCost(costs, 2n ** 40n)).toBe(1_117_587n * 2n ** 40n);
    expect(() => storageCost(costs, -1)).toThrow(RangeError);
  });
});

describe('loadCosts overrides', () => {
  test('default version is 1.5.6', () => {
    expect(loadCosts().protocol.version).toBe('1.5.6');
    expect(loadCosts()).toEqual(loadCosts('1.5.6'));
  });

  test('deep merge: objects merge key by key, arrays replace, other figures stay', () => {
    const costs = loadCosts('1.5.6', {
      wasm: {
        host_function_costs: { write: { cost: 1 }, ret: { arguments: [0, 7] } },
        opcode_costs: { control_flow: { br_table: { size_multiplier: 0 } } },
      },
      storage_costs: { gas_per_byte: 0 },
      core: { max_associated_keys: 3 },
    });
    expect(costs.wasm.host_function_costs.write).toEqual({ cost: 1, arguments: [0, 0, 0, 980] });
    expect(costs.wasm.host_function_costs.ret).toEqual({ cost: 23_000, arguments: [0, 7] });
    expect(costs.wasm.host_function_costs.put_key.cost).toBe(100_000_000);
    expect(costs.wasm.opcode_costs.control_flow.br_table).toEqual({ cost: 35_000, size_multiplier: 0 });
    expect(costs.wasm.opcode_costs.control_flow.br).toBe(35_000);
    expect(costs.storage_costs.gas_per_byte).toBe(0);
    expect(costs.core.max_associated_keys).toBe(3);
    expect(costs.core.max_runtime_call_stack_height).toBe(12);
    expect(hostFunctionCost(costs, 'casper_write', [0, 0, 0, 13])).toBe(1n + 980n * 13n);
    expect(storageCost(costs, 100)).toBe(0n);
  });

  test('each call is a fresh copy: overrides and mutations never leak', () => {
    const a = loadCosts('1.5.6', { wasm: { host_function_costs: { write: { cost: 1 } } } });
    a.wasm.host_function_costs.put_key.arguments[1] = 9;
    const b = loadCosts('1.5.6');
    expect(b.wasm.host_function_costs.write.cost).toBe(14_000);
    expect(b.wasm.host_function_costs.put_key.arguments).toEqual([0, 120_000, 0, 120_000]);
    const arr = [0, 1];
    const c = loadCosts('1.5.6', { wasm: { host_function_costs: { ret: { arguments: arr } } } });
    arr[1] = 99;
    expect(c.wasm.host_function_costs.ret.arguments).toEqual([0, 1]);
  });

  test('an override can add a host function entry; an incomplete one is rejected', () => {
    const withNew = loadCosts('1.5.6', { wasm: { host_function_costs: { made_up: { cost: 5, arguments: [2] } } } });
    expect(hostFunctionCost(withNew, 'casper_made_up', [10])).toBe(25n);
    expect(() => loadCosts('1.5.6', { wasm: { host_function_costs: { made_up: { cost: 5 } } } })).toThrow(
      'host_function_costs.made_up: expected { cost, arguments } after overrides',
    );
  });

  test('unknown version throws', () => {
    expect(() => loadCosts('1.4' as never)).toThrow(RangeError);
  });

  test('2.0 overrides work the same way', () => {
    const costs: ChainspecCosts = loadCosts('2.0', { wasm: { cost_increase_per_message: 0 } });
    expect(costs.wasm.cost_increase_per_message).toBe(0);
    expect(costs.wasm.host_function_costs.dictionary_get.cost).toBe(5_500);
  });
});

describe('scripts/chainspec-to-json.mjs', () => {
  const script = join(__dirname, '..', '..', 'scripts', 'chainspec-to-json.mjs');

  test('parses the TOML subset and normalizes a 1.5-style chainspec', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chainspec-'));
    try {
      const file = join(dir, 'chainspec.toml');
      writeFileSync(
        file,
        [
          '[protocol]',
          "version = '9.9.9' # trailing comment",
          '[core]',
          'validator_slots = 1_0',
          'round_seigniorage_rate = [7, 175070816]',
          "refund_handling = { type = 'refund', refund_ratio = '99/100' }",
          'minimum_delegation_amount = 18_446_744_073_709_551_615',
          'strict_argument_checking = true',
          'administrators = [',
          '  "a\\u0041",  # multi-line array',
          ']',
          'consensus_protocol = "ignored"',
          '[deploys]',
          "max_payment_cost = '0'",
          '[wasm]',
          'max_memory = 0x40',
          'max_stack_height = 500',
          '[wasm.storage_costs]',
          'gas_per_byte = 1',
          '[wasm.opcode_costs]',
          'bit = 3',
          '[wasm.opcode_costs.control_flow.br_table]',
          'cost = 2',
          'size_multiplier = 1',
          '[wasm.host_function_costs]',
          'write = { cost = 14_000, arguments = [0, 0, 0, 980] }',
          '[system_costs]',
          '[system_costs.mint_costs]',
          'mint = 2_500_000_000',
          '',
        ].join('\n'),
      );
      const out = execFileSync(process.execPath, [script, file], { encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual({
        protocol: { version: '9.9.9' },
        core: {
          validator_slots: 10,
          round_seigniorage_rate: '7/175070816',
          minimum_delegation_amount: '18446744073709551615',
          strict_argument_checking: true,
          refund_handling: { type: 'refund', refund_ratio: '99/100' },
          administrators: ['aA'],
        },
        deploys: { max_payment_cost: '0' },
        wasm: {
          max_memory: 64,
          max_stack_height: 500,
          opcode_costs: { bit: 3, control_flow: { br_table: { cost: 2, size_multiplier: 1 } } },
          host_function_costs: { write: { cost: 14_000, arguments: [0, 0, 0, 980] } },
        },
        storage_costs: { gas_per_byte: 1 },
        system_costs: { mint_costs: { mint: 2_500_000_000 } },
      });
      expect(out).toContain('"write": { "cost": 14000, "arguments": [0, 0, 0, 980] }');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
