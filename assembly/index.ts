// The casper-as SDK. Session code imports the API modules as namespaces, mirroring Rust's
// `casper_contract::contract_api::{runtime, storage, account, system}`, and the types directly.

import * as account from './account';
import * as runtime from './runtime';
import * as storage from './storage';
import * as system from './system';

export { account, runtime, storage, system };

export { ApiError, AuctionError, ContractHeaderError, MintError, Outcome, revert } from './error';
export { Decoded, Decoder, Encoder, fromBytes, toBytes } from './bytesrepr';
export { U128, U256, U512 } from './bignum';
export { AccountHash, ByteArray, ContractHash, ContractPackageHash, ContractWasmHash } from './hashes';
export { AccessRights, URef } from './uref';
export { Key, KeyTag } from './key';
export { PublicKey } from './public_key';
export { Option } from './option';
export { Result } from './result';
export { Tuple1, Tuple2, Tuple3 } from './tuple';
export { CLMap } from './map';
export { Unit } from './unit';
export { CLValue } from './clvalue';
export { RuntimeArgs } from './runtime_args';
export { NamedKeys } from './named_keys';
export { EntryPoint, EntryPointAccess, EntryPoints, EntryPointType, Parameter } from './contracts';
export { CallStackElement, CallStackElementTag } from './call_stack';
