/**
 * The `env` imports a Casper 1.5.6 node provides to Wasm (execution_engine
 * `resolvers/v1_resolver.rs`): name, parameter count (all i32) and whether it returns an i32.
 * This is the single list the validator, the host and the SDK's externals test agree on.
 */

/** One host function as the node's resolver declares it. */
export interface HostFunctionSignature {
  /** Import name in module `env`. */
  readonly name: string;
  /** Number of i32 parameters. */
  readonly params: number;
  /** True when the function returns one i32. */
  readonly result: boolean;
}

const sig = (name: string, params: number, result: boolean): HostFunctionSignature => ({
  name,
  params,
  result,
});

/** The 49 host functions of a production 1.5.6 node, in resolver order. */
export const HOST_FUNCTIONS: readonly HostFunctionSignature[] = [
  sig('casper_read_value', 3, true),
  sig('casper_dictionary_get', 5, true),
  sig('casper_dictionary_read', 3, true),
  sig('casper_dictionary_put', 6, true),
  sig('casper_new_dictionary', 1, true),
  sig('casper_write', 4, false),
  sig('casper_add', 4, false),
  sig('casper_new_uref', 3, false),
  sig('casper_load_named_keys', 2, true),
  sig('casper_ret', 2, false),
  sig('casper_get_key', 5, true),
  sig('casper_has_key', 2, true),
  sig('casper_put_key', 4, false),
  sig('casper_remove_key', 2, false),
  sig('casper_revert', 1, false),
  sig('casper_is_valid_uref', 2, true),
  sig('casper_add_associated_key', 3, true),
  sig('casper_remove_associated_key', 2, true),
  sig('casper_update_associated_key', 3, true),
  sig('casper_set_action_threshold', 2, true),
  sig('casper_get_caller', 1, true),
  sig('casper_get_blocktime', 1, false),
  sig('casper_create_purse', 2, true),
  sig('casper_transfer_to_account', 7, true),
  sig('casper_transfer_from_purse_to_account', 9, true),
  sig('casper_transfer_from_purse_to_purse', 8, true),
  sig('casper_get_balance', 3, true),
  sig('casper_get_phase', 1, false),
  sig('casper_get_system_contract', 3, true),
  sig('casper_get_main_purse', 1, false),
  sig('casper_read_host_buffer', 3, true),
  sig('casper_create_contract_package_at_hash', 3, false),
  sig('casper_create_contract_user_group', 8, true),
  sig('casper_add_contract_version', 10, true),
  sig('casper_disable_contract_version', 4, true),
  sig('casper_enable_contract_version', 4, true),
  sig('casper_call_contract', 7, true),
  sig('casper_call_versioned_contract', 9, true),
  sig('casper_get_named_arg_size', 3, true),
  sig('casper_get_named_arg', 4, true),
  sig('casper_remove_contract_user_group', 4, true),
  sig('casper_provision_contract_user_group_uref', 5, true),
  sig('casper_remove_contract_user_group_urefs', 6, true),
  sig('casper_blake2b', 4, true),
  sig('casper_random_bytes', 2, true),
  sig('casper_load_call_stack', 2, true),
  sig('casper_load_authorization_keys', 2, true),
  sig('casper_record_transfer', 10, true),
  sig('casper_record_era_info', 4, true),
];

/** `casper_print`: only on nodes built with `test-support`; debug builds may import it. */
export const PRINT_FUNCTION: HostFunctionSignature = sig('casper_print', 2, false);

/** The gas import the instrumenter injects; a module that imports it itself is rejected. */
export const GAS_FUNCTION_NAME = 'gas';

/** Lookup by import name (production set, without print). */
export const HOST_FUNCTIONS_BY_NAME: ReadonlyMap<string, HostFunctionSignature> = new Map(
  HOST_FUNCTIONS.map((f) => [f.name, f]),
);
