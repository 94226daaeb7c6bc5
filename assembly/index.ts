// The casper-as SDK. Session code imports the API modules as namespaces, mirroring Rust's
// `casper_contract::contract_api::{runtime, storage, account, system}`, and the types directly.

import * as account from './account';
import * as runtime from './runtime';
import * as storage from './storage';
import * as system from './system';

export { U128, U256, U512 } from './bignum';
export { Decoded, Decoder, Encoder, fromBytes, toBytes } from './bytesrepr';
export { CallStackElement, CallStackElementTag } from './call_stack';
export { CLValue } from './clvalue';
export { EntryPoint, EntryPointAccess, EntryPoints, EntryPointType, Parameter } from './contracts';
export { ApiError, AuctionError, ContractHeaderError, MintError, Outcome, revert } from './error';
export { AccountHash, ByteArray, ContractHash, ContractPackageHash, ContractWasmHash } from './hashes';
export { Key, KeyTag } from './key';
export { CLMap } from './map';
export { NamedKeys } from './named_keys';
export { Option } from './option';
export { PublicKey } from './public_key';
export { Result } from './result';
export { RuntimeArgs } from './runtime_args';
export { Tuple1, Tuple2, Tuple3 } from './tuple';
export { Unit } from './unit';
export { AccessRights, URef } from './uref';
export { account, runtime, storage, system };
