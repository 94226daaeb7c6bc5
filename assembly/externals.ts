// Every `env` import a Casper 1.5.6 node provides (execution_engine resolvers/v1_resolver.rs),
// declared once, with pointer/length integers only. Names and parameter order are the node's.
// `casper_print` exists only on test-support nodes: reference it only under CASPER_DEBUG.

/** casper_read_value(key_ptr, key_size, out_size_ptr) → code */
@external("env", "casper_read_value")
export declare function casper_read_value(key_ptr: usize, key_size: usize, output_size_ptr: usize): i32;
/** casper_dictionary_get(uref_ptr, uref_size, key_ptr, key_size, out_size_ptr) → code */
@external("env", "casper_dictionary_get")
export declare function casper_dictionary_get(uref_ptr: usize, uref_size: usize, key_bytes_ptr: usize, key_bytes_size: usize, output_size_ptr: usize): i32;
/** casper_dictionary_read(key_ptr, key_size, out_size_ptr) → code */
@external("env", "casper_dictionary_read")
export declare function casper_dictionary_read(key_ptr: usize, key_size: usize, output_size_ptr: usize): i32;
/** casper_dictionary_put(uref_ptr, uref_size, key_ptr, key_size, value_ptr, value_size) → code */
@external("env", "casper_dictionary_put")
export declare function casper_dictionary_put(uref_ptr: usize, uref_size: usize, key_bytes_ptr: usize, key_bytes_size: usize, value_ptr: usize, value_size: usize): i32;
/** casper_new_dictionary(out_size_ptr: 8-byte usize) → code */
@external("env", "casper_new_dictionary")
export declare function casper_new_dictionary(output_size_ptr: usize): i32;
/** casper_write(key_ptr, key_size, value_ptr, value_size) */
@external("env", "casper_write")
export declare function casper_write(key_ptr: usize, key_size: usize, value_ptr: usize, value_size: usize): void;
/** casper_add(key_ptr, key_size, value_ptr, value_size) */
@external("env", "casper_add")
export declare function casper_add(key_ptr: usize, key_size: usize, value_ptr: usize, value_size: usize): void;
/** casper_new_uref(uref_out_ptr: 33 bytes, value_ptr, value_size) */
@external("env", "casper_new_uref")
export declare function casper_new_uref(uref_ptr: usize, value_ptr: usize, value_size: usize): void;
/** casper_load_named_keys(count_ptr, size_ptr) → code */
@external("env", "casper_load_named_keys")
export declare function casper_load_named_keys(total_keys_ptr: usize, result_size_ptr: usize): i32;
/** casper_ret(value_ptr, value_size): ends the invocation */
@external("env", "casper_ret")
export declare function casper_ret(value_ptr: usize, value_size: usize): void;
/** casper_get_key(name_ptr, name_size, out_ptr, out_size, written_ptr) → code */
@external("env", "casper_get_key")
export declare function casper_get_key(name_ptr: usize, name_size: usize, output_ptr: usize, output_size: usize, bytes_written_ptr: usize): i32;
/** casper_has_key(name_ptr, name_size) → 0 present, 1 absent */
@external("env", "casper_has_key")
export declare function casper_has_key(name_ptr: usize, name_size: usize): i32;
/** casper_put_key(name_ptr, name_size, key_ptr, key_size) */
@external("env", "casper_put_key")
export declare function casper_put_key(name_ptr: usize, name_size: usize, key_ptr: usize, key_size: usize): void;
/** casper_remove_key(name_ptr, name_size) */
@external("env", "casper_remove_key")
export declare function casper_remove_key(name_ptr: usize, name_size: usize): void;
/** casper_revert(status): ends the phase with Revert(ApiError::from(status)) */
@external("env", "casper_revert")
export declare function casper_revert(status: u32): void;
/** casper_is_valid_uref(uref_ptr, uref_size) → 1 valid, 0 not */
@external("env", "casper_is_valid_uref")
export declare function casper_is_valid_uref(uref_ptr: usize, uref_size: usize): i32;
/** casper_add_associated_key(hash_ptr, hash_size, weight) → AddKeyFailure (0 ok) */
@external("env", "casper_add_associated_key")
export declare function casper_add_associated_key(account_hash_ptr: usize, account_hash_size: usize, weight: i32): i32;
/** casper_remove_associated_key(hash_ptr, hash_size) → RemoveKeyFailure (0 ok) */
@external("env", "casper_remove_associated_key")
export declare function casper_remove_associated_key(account_hash_ptr: usize, account_hash_size: usize): i32;
/** casper_update_associated_key(hash_ptr, hash_size, weight) → UpdateKeyFailure (0 ok) */
@external("env", "casper_update_associated_key")
export declare function casper_update_associated_key(account_hash_ptr: usize, account_hash_size: usize, weight: i32): i32;
/** casper_set_action_threshold(action_type, threshold) → SetThresholdFailure (0 ok) */
@external("env", "casper_set_action_threshold")
export declare function casper_set_action_threshold(permission_level: u32, threshold: u32): i32;
/** casper_get_caller(out_size_ptr: 8-byte usize) → code */
@external("env", "casper_get_caller")
export declare function casper_get_caller(output_size_ptr: usize): i32;
/** casper_get_blocktime(dest_ptr: 8 bytes) */
@external("env", "casper_get_blocktime")
export declare function casper_get_blocktime(dest_ptr: usize): void;
/** casper_create_purse(purse_ptr, purse_size) → code */
@external("env", "casper_create_purse")
export declare function casper_create_purse(purse_ptr: usize, purse_size: usize): i32;
/** casper_transfer_to_account(acct_ptr, acct_size, amount_ptr, amount_size, id_ptr, id_size, result_ptr) → code */
@external("env", "casper_transfer_to_account")
export declare function casper_transfer_to_account(target_ptr: usize, target_size: usize, amount_ptr: usize, amount_size: usize, id_ptr: usize, id_size: usize, result_ptr: usize): i32;
/** casper_transfer_from_purse_to_account(src_ptr, src_size, acct_ptr, acct_size, amount_ptr, amount_size, id_ptr, id_size, result_ptr) → code */
@external("env", "casper_transfer_from_purse_to_account")
export declare function casper_transfer_from_purse_to_account(source_ptr: usize, source_size: usize, target_ptr: usize, target_size: usize, amount_ptr: usize, amount_size: usize, id_ptr: usize, id_size: usize, result_ptr: usize): i32;
/** casper_transfer_from_purse_to_purse(src_ptr, src_size, dst_ptr, dst_size, amount_ptr, amount_size, id_ptr, id_size) → code */
@external("env", "casper_transfer_from_purse_to_purse")
export declare function casper_transfer_from_purse_to_purse(source_ptr: usize, source_size: usize, target_ptr: usize, target_size: usize, amount_ptr: usize, amount_size: usize, id_ptr: usize, id_size: usize): i32;
/** casper_get_balance(purse_ptr, purse_size, out_size_ptr) → code */
@external("env", "casper_get_balance")
export declare function casper_get_balance(purse_ptr: usize, purse_size: usize, result_size_ptr: usize): i32;
/** casper_get_phase(dest_ptr: 1 byte) */
@external("env", "casper_get_phase")
export declare function casper_get_phase(dest_ptr: usize): void;
/** casper_get_system_contract(index, dest_ptr, dest_size) → code */
@external("env", "casper_get_system_contract")
export declare function casper_get_system_contract(system_contract_index: u32, dest_ptr: usize, dest_size: usize): i32;
/** casper_get_main_purse(dest_ptr: 33 bytes) */
@external("env", "casper_get_main_purse")
export declare function casper_get_main_purse(dest_ptr: usize): void;
/** casper_read_host_buffer(dest_ptr, dest_size, written_ptr) → code */
@external("env", "casper_read_host_buffer")
export declare function casper_read_host_buffer(dest_ptr: usize, dest_size: usize, bytes_written: usize): i32;
/** casper_create_contract_package_at_hash(hash_out_ptr, access_out_ptr, is_locked) */
@external("env", "casper_create_contract_package_at_hash")
export declare function casper_create_contract_package_at_hash(hash_addr_ptr: usize, access_addr_ptr: usize, is_locked: bool): void;
/** casper_create_contract_user_group(pkg_ptr, pkg_size, label_ptr, label_size, num_new_urefs, existing_ptr, existing_size, out_size_ptr: 8-byte) → code */
@external("env", "casper_create_contract_user_group")
export declare function casper_create_contract_user_group(contract_package_hash_ptr: usize, contract_package_hash_size: usize, label_ptr: usize, label_size: usize, num_new_urefs: u8, existing_urefs_ptr: usize, existing_urefs_size: usize, output_size_ptr: usize): i32;
/** casper_add_contract_version(pkg_ptr, pkg_size, version_ptr, ep_ptr, ep_size, nk_ptr, nk_size, out_ptr, out_size, written_ptr) → code */
@external("env", "casper_add_contract_version")
export declare function casper_add_contract_version(contract_package_hash_ptr: usize, contract_package_hash_size: usize, version_ptr: usize, entry_points_ptr: usize, entry_points_size: usize, named_keys_ptr: usize, named_keys_size: usize, output_ptr: usize, output_size: usize, bytes_written_ptr: usize): i32;
/** casper_disable_contract_version(pkg_ptr, pkg_size, hash_ptr, hash_size) → code */
@external("env", "casper_disable_contract_version")
export declare function casper_disable_contract_version(contract_package_hash_ptr: usize, contract_package_hash_size: usize, contract_hash_ptr: usize, contract_hash_size: usize): i32;
/** casper_enable_contract_version(pkg_ptr, pkg_size, hash_ptr, hash_size) → code */
@external("env", "casper_enable_contract_version")
export declare function casper_enable_contract_version(contract_package_hash_ptr: usize, contract_package_hash_size: usize, contract_hash_ptr: usize, contract_hash_size: usize): i32;
/** casper_call_contract(hash_ptr, hash_size, ep_ptr, ep_size, args_ptr, args_size, out_size_ptr) → code */
@external("env", "casper_call_contract")
export declare function casper_call_contract(contract_hash_ptr: usize, contract_hash_size: usize, entry_point_name_ptr: usize, entry_point_name_size: usize, runtime_args_ptr: usize, runtime_args_size: usize, result_size: usize): i32;
/** casper_call_versioned_contract(pkg_ptr, pkg_size, ver_ptr, ver_size, ep_ptr, ep_size, args_ptr, args_size, out_size_ptr) → code */
@external("env", "casper_call_versioned_contract")
export declare function casper_call_versioned_contract(contract_package_hash_ptr: usize, contract_package_hash_size: usize, contract_version_ptr: usize, contract_package_size: usize, entry_point_name_ptr: usize, entry_point_name_size: usize, runtime_args_ptr: usize, runtime_args_size: usize, result_size: usize): i32;
/** casper_get_named_arg_size(name_ptr, name_size, size_ptr) → code */
@external("env", "casper_get_named_arg_size")
export declare function casper_get_named_arg_size(name_ptr: usize, name_size: usize, dest_size: usize): i32;
/** casper_get_named_arg(name_ptr, name_size, dest_ptr, dest_size) → code */
@external("env", "casper_get_named_arg")
export declare function casper_get_named_arg(name_ptr: usize, name_size: usize, dest_ptr: usize, dest_size: usize): i32;
/** casper_remove_contract_user_group(pkg_ptr, pkg_size, label_ptr, label_size) → code */
@external("env", "casper_remove_contract_user_group")
export declare function casper_remove_contract_user_group(contract_package_hash_ptr: usize, contract_package_hash_size: usize, label_ptr: usize, label_size: usize): i32;
/** casper_provision_contract_user_group_uref(pkg_ptr, pkg_size, label_ptr, label_size, out_size_ptr: 8-byte) → code */
@external("env", "casper_provision_contract_user_group_uref")
export declare function casper_provision_contract_user_group_uref(contract_package_hash_ptr: usize, contract_package_hash_size: usize, label_ptr: usize, label_size: usize, value_size_ptr: usize): i32;
/** casper_remove_contract_user_group_urefs(pkg_ptr, pkg_size, label_ptr, label_size, urefs_ptr, urefs_size) → code */
@external("env", "casper_remove_contract_user_group_urefs")
export declare function casper_remove_contract_user_group_urefs(contract_package_hash_ptr: usize, contract_package_hash_size: usize, label_ptr: usize, label_size: usize, urefs_ptr: usize, urefs_size: usize): i32;
/** casper_blake2b(in_ptr, in_size, out_ptr, out_size) → code */
@external("env", "casper_blake2b")
export declare function casper_blake2b(in_ptr: usize, in_size: usize, out_ptr: usize, out_size: usize): i32;
/** casper_random_bytes(out_ptr, out_size) → code */
@external("env", "casper_random_bytes")
export declare function casper_random_bytes(out_ptr: usize, out_size: usize): i32;
/** casper_load_call_stack(len_ptr, size_ptr) → code */
@external("env", "casper_load_call_stack")
export declare function casper_load_call_stack(call_stack_len_ptr: usize, result_size_ptr: usize): i32;
/** casper_load_authorization_keys(len_ptr, size_ptr) → code */
@external("env", "casper_load_authorization_keys")
export declare function casper_load_authorization_keys(len_ptr: usize, result_size_ptr: usize): i32;
/** casper_record_transfer: mint only (user code traps InvalidContext) */
@external("env", "casper_record_transfer")
export declare function casper_record_transfer(maybe_to_ptr: usize, maybe_to_size: usize, account_ptr: usize, account_size: usize, source_ptr: usize, source_size: usize, target_ptr: usize, target_size: usize, amount_ptr: usize, amount_size: usize): i32;
/** casper_record_era_info: auction only (user code traps InvalidContext) */
@external("env", "casper_record_era_info")
export declare function casper_record_era_info(era_id_ptr: usize, era_id_size: usize, era_info_ptr: usize, era_info_size: usize): i32;
/** casper_print(text_ptr, text_size): test-support nodes only; debug builds only */
@external("env", "casper_print")
export declare function casper_print(text_ptr: usize, text_size: usize): void;

// Build-time markers, not host functions: the release build (scripts/lib/static-strings.mjs)
// replaces every call by a constant and removes both imports; only code compiled with
// CASPER_STATIC_STRINGS=1 references them.
/** The address of string literal `s`'s bytesrepr String (u32 length ‖ UTF-8), or 0 if `s` is not known at build time. */
@external("env", "__casper_static_string")
export declare function __casper_static_string(s: usize): usize;
/** 1 when every string passed to __casper_static_string is a literal, else 0. */
@external("env", "__casper_static_strings_only")
export declare function __casper_static_strings_only(): i32;
