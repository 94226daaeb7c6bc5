import {
  GAS_FUNCTION_NAME,
  HOST_FUNCTIONS,
  HOST_FUNCTIONS_BY_NAME,
  PRINT_FUNCTION,
} from '../../runtime/wasm/host-functions';

/**
 * The `resolve_func` arms of casper-node v1.5.6 `execution_engine/src/core/resolvers/v1_resolver.rs`,
 * in source order: (name, number of i32 params, returns i32). `gas` and the test-support-only
 * `casper_print` are listed separately below.
 */
const RESOLVER_V1_5_6: readonly (readonly [string, number, boolean])[] = [
  ['casper_read_value', 3, true],
  ['casper_load_named_keys', 2, true],
  ['casper_write', 4, false],
  ['casper_add', 4, false],
  ['casper_new_uref', 3, false],
  ['casper_ret', 2, false],
  ['casper_get_key', 5, true],
  ['casper_has_key', 2, true],
  ['casper_put_key', 4, false],
  ['casper_is_valid_uref', 2, true],
  ['casper_revert', 1, false],
  ['casper_add_associated_key', 3, true],
  ['casper_remove_associated_key', 2, true],
  ['casper_update_associated_key', 3, true],
  ['casper_set_action_threshold', 2, true],
  ['casper_remove_key', 2, false],
  ['casper_get_caller', 1, true],
  ['casper_get_blocktime', 1, false],
  ['casper_create_purse', 2, true],
  ['casper_transfer_to_account', 7, true],
  ['casper_transfer_from_purse_to_account', 9, true],
  ['casper_transfer_from_purse_to_purse', 8, true],
  ['casper_get_balance', 3, true],
  ['casper_get_phase', 1, false],
  ['casper_get_system_contract', 3, true],
  ['casper_get_main_purse', 1, false],
  ['casper_read_host_buffer', 3, true],
  ['casper_create_contract_package_at_hash', 3, false],
  ['casper_create_contract_user_group', 8, true],
  ['casper_add_contract_version', 10, true],
  ['casper_disable_contract_version', 4, true],
  ['casper_call_contract', 7, true],
  ['casper_call_versioned_contract', 9, true],
  ['casper_get_named_arg_size', 3, true],
  ['casper_get_named_arg', 4, true],
  ['casper_remove_contract_user_group', 4, true],
  ['casper_provision_contract_user_group_uref', 5, true],
  ['casper_remove_contract_user_group_urefs', 6, true],
  ['casper_blake2b', 4, true],
  ['casper_record_transfer', 10, true],
  ['casper_record_era_info', 4, true],
  ['casper_load_call_stack', 2, true],
  ['casper_dictionary_get', 5, true],
  ['casper_dictionary_read', 3, true],
  ['casper_dictionary_put', 6, true],
  ['casper_new_dictionary', 1, true],
  ['casper_load_authorization_keys', 2, true],
  ['casper_random_bytes', 2, true],
  ['casper_enable_contract_version', 4, true],
];

describe('HOST_FUNCTIONS', () => {
  test('49 entries with unique names', () => {
    expect(HOST_FUNCTIONS.length).toBe(49);
    expect(new Set(HOST_FUNCTIONS.map((f) => f.name)).size).toBe(49);
    expect(HOST_FUNCTIONS_BY_NAME.size).toBe(49);
  });

  test('exactly the 1.5.6 resolver signatures', () => {
    const table = HOST_FUNCTIONS.map((f) => [f.name, f.params, f.result] as const);
    const byName = (a: readonly [string, number, boolean], b: readonly [string, number, boolean]) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
    expect([...table].sort(byName)).toEqual([...RESOLVER_V1_5_6].sort(byName));
  });

  test('lookup by name', () => {
    for (const [name, params, result] of RESOLVER_V1_5_6) {
      expect(HOST_FUNCTIONS_BY_NAME.get(name)).toEqual({ name, params, result });
    }
    expect(HOST_FUNCTIONS_BY_NAME.has('casper_print')).toBe(false);
    expect(HOST_FUNCTIONS_BY_NAME.has('gas')).toBe(false);
  });

  test('casper_print (test-support only) and gas (injected by the instrumenter)', () => {
    expect(PRINT_FUNCTION).toEqual({ name: 'casper_print', params: 2, result: false });
    expect(GAS_FUNCTION_NAME).toBe('gas');
  });

  test('functions the 2.0 resolver adds or casper_as externals declare are absent', () => {
    for (const name of [
      'casper_upgrade_contract_at_uref',
      'casper_emit_message',
      'casper_manage_message_topic',
      'casper_add_contract_version_with_message_topics',
      'casper_add_package_version',
      'casper_load_caller_information',
      'casper_get_block_info',
      'casper_generic_hash',
    ]) {
      expect(HOST_FUNCTIONS_BY_NAME.has(name)).toBe(false);
    }
  });
});
