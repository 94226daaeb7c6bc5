// ApiError numbered exactly as casper-types 4.0.1 (`api_error.rs`, system error enums,
// `contracts.rs`), and revert helpers. A code is the u32 the host receives from casper_revert.

import { Decoded } from './bytesrepr';
import { casper_revert } from './externals';

export { Decoded };

/** ApiError codes (casper-types `ApiError` as u32). */
export namespace ApiError {
  /** Optional data was unexpectedly None. */
  export const None: u32 = 1;
  /** Specified argument not provided. */
  export const MissingArgument: u32 = 2;
  /** Argument not of correct type. */
  export const InvalidArgument: u32 = 3;
  /** Failed to deserialize a value. */
  export const Deserialize: u32 = 4;
  /** casper_contract::storage::read() returned an error. */
  export const Read: u32 = 5;
  /** The given key returned a None value. */
  export const ValueNotFound: u32 = 6;
  /** Failed to find a specified contract. */
  export const ContractNotFound: u32 = 7;
  /** A call to getKey() returned a failure. */
  export const GetKey: u32 = 8;
  /** The Key variant was not as expected. */
  export const UnexpectedKeyVariant: u32 = 9;
  /** Obsolete error variant. */
  export const UnexpectedContractRefVariant: u32 = 10;
  /** Invalid purse name given. */
  export const InvalidPurseName: u32 = 11;
  /** Invalid purse retrieved. */
  export const InvalidPurse: u32 = 12;
  /** Failed to upgrade contract at URef. */
  export const UpgradeContractAtURef: u32 = 13;
  /** Failed to transfer motes. */
  export const Transfer: u32 = 14;
  /** The given URef has no access rights. */
  export const NoAccessRights: u32 = 15;
  /** A given type could not be constructed from a CLValue. */
  export const CLTypeMismatch: u32 = 16;
  /** Early end of stream while deserializing. */
  export const EarlyEndOfStream: u32 = 17;
  /** Formatting error while deserializing. */
  export const Formatting: u32 = 18;
  /** Not all input bytes were consumed in deserializing. */
  export const LeftOverBytes: u32 = 19;
  /** Out of memory error. */
  export const OutOfMemory: u32 = 20;
  /** There are already maximum associated keys. */
  export const MaxKeysLimit: u32 = 21;
  /** The associated key already exists. */
  export const DuplicateKey: u32 = 22;
  /** Caller doesn't have sufficient permissions. */
  export const PermissionDenied: u32 = 23;
  /** The associated key does not exist. */
  export const MissingKey: u32 = 24;
  /** Removing/updating the key would violate the action thresholds. */
  export const ThresholdViolation: u32 = 25;
  /** Key management threshold may not be lower than the deployment threshold. */
  export const KeyManagementThreshold: u32 = 26;
  /** Deployment threshold may not be higher than the key management threshold. */
  export const DeploymentThreshold: u32 = 27;
  /** Setting the threshold value would exceed the total weight of keys. */
  export const InsufficientTotalWeight: u32 = 28;
  /** The given u32 doesn't map to a SystemContractType. */
  export const InvalidSystemContract: u32 = 29;
  /** Failed to create a new purse. */
  export const PurseNotCreated: u32 = 30;
  /** An unhandled value, likely representing a bug in the code. */
  export const Unhandled: u32 = 31;
  /** The provided buffer is too small. */
  export const BufferTooSmall: u32 = 32;
  /** No data available in the host buffer. */
  export const HostBufferEmpty: u32 = 33;
  /** The host buffer has been set to a value and should be consumed first. */
  export const HostBufferFull: u32 = 34;
  /** Could not lay out an array in memory. */
  export const AllocLayout: u32 = 35;
  /** The dictionary item key exceeds 128 bytes. */
  export const DictionaryItemKeyExceedsLength: u32 = 36;
  /** The dictionary item key is not valid UTF-8. */
  export const InvalidDictionaryItemKey: u32 = 37;
  /** Unable to retrieve the requested system contract hash. */
  export const MissingSystemContractHash: u32 = 38;
  /** CLType nesting exceeded the recursion limit. */
  export const ExceededRecursionDepth: u32 = 39;
  /** Attempt to serialize a value that does not have a serialized representation. */
  export const NonRepresentableSerialization: u32 = 40;

  /** First code of AuctionError(n) (64512 + n). */
  export const AUCTION_BASE: u32 = 64512;
  /** First code of ContractHeader(n) (64768 + n). */
  export const CONTRACT_HEADER_BASE: u32 = 64768;
  /** First code of Mint(n) (65024 + n). */
  export const MINT_BASE: u32 = 65024;
  /** First code of HandlePayment(n) (65280 + n). */
  export const HANDLE_PAYMENT_BASE: u32 = 65280;
  /** First code of User(n) (65536 + n). */
  export const USER_BASE: u32 = 65536;

  /** ApiError::User(n): 65536 + n. */
  export function user(n: u16): u32 {
    return USER_BASE + <u32>n;
  }
  /** ApiError::Mint(n): 65024 + n. */
  export function mint(n: u8): u32 {
    return MINT_BASE + <u32>n;
  }
  /** ApiError::HandlePayment(n): 65280 + n. */
  export function handlePayment(n: u8): u32 {
    return HANDLE_PAYMENT_BASE + <u32>n;
  }
  /** ApiError::AuctionError(n): 64512 + n. */
  export function auction(n: u8): u32 {
    return AUCTION_BASE + <u32>n;
  }
  /** ApiError::ContractHeader(n): 64768 + n. */
  export function contractHeader(n: u8): u32 {
    return CONTRACT_HEADER_BASE + <u32>n;
  }
}

/** Mint error numbers (casper-types `system::mint::Error`); the ApiError is ApiError.mint(n). */
export namespace MintError {
  /** Insufficient funds to complete the transfer. */
  export const InsufficientFunds: u8 = 0;
  /** Source purse not found. */
  export const SourceNotFound: u8 = 1;
  /** Destination purse not found. */
  export const DestNotFound: u8 = 2;
  /** The given URef does not reference the account holder's purse. */
  export const InvalidURef: u8 = 3;
  /** The source purse is not writeable or the target not addable. */
  export const InvalidAccessRights: u8 = 4;
  /** Tried to create a new purse with a non-zero initial balance. */
  export const InvalidNonEmptyPurseCreation: u8 = 5;
  /** Failed to read from local or global storage. */
  export const Storage: u8 = 6;
  /** Purse not found while trying to get balance. */
  export const PurseNotFound: u8 = 7;
  /** Unable to obtain a key by its name. */
  export const MissingKey: u8 = 8;
  /** Total supply not found. */
  export const TotalSupplyNotFound: u8 = 9;
  /** Failed to record transfer. */
  export const RecordTransferFailure: u8 = 10;
  /** Invalid attempt to reduce total supply. */
  export const InvalidTotalSupplyReductionAttempt: u8 = 11;
  /** Failed to create new uref. */
  export const NewURef: u8 = 12;
  /** Failed to put key. */
  export const PutKey: u8 = 13;
  /** Failed to write to dictionary. */
  export const WriteDictionary: u8 = 14;
  /** Failed to create a CLValue. */
  export const CLValue: u8 = 15;
  /** Failed to serialize data. */
  export const Serialize: u8 = 16;
  /** Source and target purse are the same. */
  export const EqualSourceAndTarget: u8 = 17;
  /** An arithmetic overflow has occurred. */
  export const ArithmeticOverflow: u8 = 18;
  /** Out of gas. */
  export const GasLimit: u8 = 19;
  /** Raised when an entry point is called from invalid account context. */
  export const InvalidContext: u8 = 20;
  /** Session code tried to transfer more CSPR than the user approved. */
  export const UnapprovedSpendingAmount: u8 = 21;
  /** Unrestricted transfers are disabled. */
  export const DisabledUnrestrictedTransfers: u8 = 22;
}

/** Auction error numbers (casper-types `system::auction::Error`); ApiError is ApiError.auction(n). */
export namespace AuctionError {
  /** Unable to find a named key. */
  export const MissingKey: u8 = 0;
  /** Given named key contains invalid variant. */
  export const InvalidKeyVariant: u8 = 1;
  /** Value under an uref does not exist. */
  export const MissingValue: u8 = 2;
  /** ABI serialization issue. */
  export const Serialization: u8 = 3;
  /** Triggered when the account does not have enough funds to bond. */
  export const TransferToBidPurse: u8 = 4;
  /** Invalid amount. */
  export const InvalidAmount: u8 = 5;
  /** Unable to find a bid by account hash. */
  export const BidNotFound: u8 = 6;
  /** Validator's account hash was not found. */
  export const ValidatorNotFound: u8 = 7;
  /** Delegator's account hash was not found. */
  export const DelegatorNotFound: u8 = 8;
  /** Storage problem. */
  export const Storage: u8 = 9;
  /** Delegation bonding failure. */
  export const Bonding: u8 = 10;
  /** Unbonding failure. */
  export const Unbonding: u8 = 11;
  /** Founder stake release failure. */
  export const ReleaseFounderStake: u8 = 12;
  /** Unable to get purse balance. */
  export const GetBalance: u8 = 13;
  /** Caller is not the account the public key belongs to, or not a session frame. */
  export const InvalidContext: u8 = 14;
  /** Validator's funds are locked. */
  export const ValidatorFundsLocked: u8 = 15;
  /** Function was not called by the system. */
  export const InvalidCaller: u8 = 16;
  /** Public key does not match the caller. */
  export const InvalidPublicKey: u8 = 17;
  /** Bond not found. */
  export const BondNotFound: u8 = 18;
  /** Unable to create a purse. */
  export const CreatePurseFailed: u8 = 19;
  /** Attempted to unbond more than was bonded. */
  export const UnbondTooLarge: u8 = 20;
  /** Bond amount too small (zero). */
  export const BondTooSmall: u8 = 21;
  /** Delegations are missing. */
  export const MissingDelegations: u8 = 22;
  /** Validators of an era do not match. */
  export const MismatchedEraValidators: u8 = 23;
  /** Failed to mint rewards. */
  export const MintReward: u8 = 24;
  /** Invalid number of validator slots. */
  export const InvalidValidatorSlotsValue: u8 = 25;
  /** Failed to reduce total supply. */
  export const MintReduceTotalSupply: u8 = 26;
  /** Transfer to delegator's purse failed. */
  export const TransferToDelegatorPurse: u8 = 27;
  /** Validator reward transfer failed. */
  export const ValidatorRewardTransfer: u8 = 28;
  /** Delegator reward transfer failed. */
  export const DelegatorRewardTransfer: u8 = 29;
  /** Withdrawing a delegator reward failed. */
  export const WithdrawDelegatorReward: u8 = 30;
  /** Withdrawing a validator reward failed. */
  export const WithdrawValidatorReward: u8 = 31;
  /** Transfer to an unbonding purse failed. */
  export const TransferToUnbondingPurse: u8 = 32;
  /** Failed to record era info. */
  export const RecordEraInfo: u8 = 33;
  /** Failed to create a CLValue. */
  export const CLValue: u8 = 34;
  /** Missing seigniorage recipients for an era. */
  export const MissingSeigniorageRecipients: u8 = 35;
  /** Failed to transfer funds. */
  export const Transfer: u8 = 36;
  /** Delegation rate exceeds 100. */
  export const DelegationRateTooLarge: u8 = 37;
  /** Delegator's funds are locked. */
  export const DelegatorFundsLocked: u8 = 38;
  /** An arithmetic overflow has occurred. */
  export const ArithmeticOverflow: u8 = 39;
  /** Out of gas. */
  export const GasLimit: u8 = 40;
  /** Too many frames on the runtime stack. */
  export const RuntimeStackOverflow: u8 = 41;
  /** A mint error. */
  export const MintError: u8 = 42;
  /** Validator already has the maximum number of delegators. */
  export const ExceededDelegatorSizeLimit: u8 = 43;
  /** Global delegator capacity reached. */
  export const GlobalDelegatorCapacityReached: u8 = 44;
  /** Delegation below the chainspec minimum. */
  export const DelegationAmountTooSmall: u8 = 45;
  /** Runtime stack error. */
  export const RuntimeStack: u8 = 46;
  /** Bids are disabled. */
  export const AuctionBidsDisabled: u8 = 47;
  /** Accumulation purse lookup failed. */
  export const GetAccumulationPurse: u8 = 48;
  /** Transfer to administrator failed. */
  export const TransferToAdministrator: u8 = 49;
}

/** Contract header error numbers (casper-types `contracts::Error`); ApiError is ApiError.contractHeader(n). */
export namespace ContractHeaderError {
  /** The version was previously used. */
  export const PreviouslyUsedVersion: u8 = 1;
  /** The contract hash is not among the package's versions. */
  export const ContractNotFound: u8 = 2;
  /** The group already exists. */
  export const GroupAlreadyExists: u8 = 3;
  /** The package already has the maximum number of groups. */
  export const MaxGroupsExceeded: u8 = 4;
  /** The package would exceed the maximum number of group URefs. */
  export const MaxTotalURefsExceeded: u8 = 5;
  /** The group does not exist. */
  export const GroupDoesNotExist: u8 = 6;
  /** A URef to remove is not in the group. */
  export const UnableToRemoveURef: u8 = 7;
  /** The group is used by an entry point. */
  export const GroupInUse: u8 = 8;
  /** The URef already exists in the group. */
  export const URefAlreadyExists: u8 = 9;
}

/** Ends execution: the deploy fails with Revert(ApiError::from(code)). */
export function revert(code: u32): void {
  casper_revert(code);
  unreachable();
}

/** Reverts with `code` when it is non-zero (a host code or an error value). */
export function revertIfError(code: u32): void {
  if (code != 0) revert(code);
}

/** The code `abort()` reverts with (assertion failures, out-of-bounds access in AS code): ApiError::Unhandled. */
export const ABORT_CODE: u32 = ApiError.Unhandled;

/** AssemblyScript's abort, routed to a revert (the build passes `--use abort=assembly/error/abort`). */
export function abort(message: string | null, fileName: string | null, line: u32, column: u32): void {
  revert(ABORT_CODE);
}

/** A value or an error code: the result of a fallible SDK call (error 0 = success). */
export type Outcome<T> = Decoded<T>;
