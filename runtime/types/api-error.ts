/**
 * ApiError (casper-types `api_error.rs` and the system error enums): the u32 of `casper_revert`
 * decoded to its variant, name and the deploy error message the node reports.
 */

const BASIC = [
  'None',
  'MissingArgument',
  'InvalidArgument',
  'Deserialize',
  'Read',
  'ValueNotFound',
  'ContractNotFound',
  'GetKey',
  'UnexpectedKeyVariant',
  'UnexpectedContractRefVariant',
  'InvalidPurseName',
  'InvalidPurse',
  'UpgradeContractAtURef',
  'Transfer',
  'NoAccessRights',
  'CLTypeMismatch',
  'EarlyEndOfStream',
  'Formatting',
  'LeftOverBytes',
  'OutOfMemory',
  'MaxKeysLimit',
  'DuplicateKey',
  'PermissionDenied',
  'MissingKey',
  'ThresholdViolation',
  'KeyManagementThreshold',
  'DeploymentThreshold',
  'InsufficientTotalWeight',
  'InvalidSystemContract',
  'PurseNotCreated',
  'Unhandled',
  'BufferTooSmall',
  'HostBufferEmpty',
  'HostBufferFull',
  'AllocLayout',
  'DictionaryItemKeyExceedsLength',
  'InvalidDictionaryItemKey',
  'MissingSystemContractHash',
  'ExceededRecursionDepth',
  'NonRepresentableSerialization',
] as const;

const MINT = [
  'InsufficientFunds',
  'SourceNotFound',
  'DestNotFound',
  'InvalidURef',
  'InvalidAccessRights',
  'InvalidNonEmptyPurseCreation',
  'Storage',
  'PurseNotFound',
  'MissingKey',
  'TotalSupplyNotFound',
  'RecordTransferFailure',
  'InvalidTotalSupplyReductionAttempt',
  'NewURef',
  'PutKey',
  'WriteDictionary',
  'CLValue',
  'Serialize',
  'EqualSourceAndTarget',
  'ArithmeticOverflow',
  'GasLimit',
  'InvalidContext',
  'UnapprovedSpendingAmount',
  'DisabledUnrestrictedTransfers',
];

const AUCTION = [
  'MissingKey',
  'InvalidKeyVariant',
  'MissingValue',
  'Serialization',
  'TransferToBidPurse',
  'InvalidAmount',
  'BidNotFound',
  'ValidatorNotFound',
  'DelegatorNotFound',
  'Storage',
  'Bonding',
  'Unbonding',
  'ReleaseFounderStake',
  'GetBalance',
  'InvalidContext',
  'ValidatorFundsLocked',
  'InvalidCaller',
  'InvalidPublicKey',
  'BondNotFound',
  'CreatePurseFailed',
  'UnbondTooLarge',
  'BondTooSmall',
  'MissingDelegations',
  'MismatchedEraValidators',
  'MintReward',
  'InvalidValidatorSlotsValue',
  'MintReduceTotalSupply',
  'TransferToDelegatorPurse',
  'ValidatorRewardTransfer',
  'DelegatorRewardTransfer',
  'WithdrawDelegatorReward',
  'WithdrawValidatorReward',
  'TransferToUnbondingPurse',
  'RecordEraInfo',
  'CLValue',
  'MissingSeigniorageRecipients',
  'Transfer',
  'DelegationRateTooLarge',
  'DelegatorFundsLocked',
  'ArithmeticOverflow',
  'GasLimit',
  'RuntimeStackOverflow',
  'MintError',
  'ExceededDelegatorSizeLimit',
  'GlobalDelegatorCapacityReached',
  'DelegationAmountTooSmall',
  'RuntimeStack',
  'AuctionBidsDisabled',
  'GetAccumulationPurse',
  'TransferToAdministrator',
];

const CONTRACT_HEADER = [
  undefined,
  'PreviouslyUsedVersion',
  'ContractNotFound',
  'GroupAlreadyExists',
  'MaxGroupsExceeded',
  'MaxTotalURefsExceeded',
  'GroupDoesNotExist',
  'UnableToRemoveURef',
  'GroupInUse',
  'URefAlreadyExists',
];

/** Ranges of the composite variants. */
export const API_ERROR_BASE = {
  Auction: 64512,
  ContractHeader: 64768,
  Mint: 65024,
  HandlePayment: 65280,
  User: 65536,
} as const;

/** A decoded ApiError. */
export interface ApiErrorInfo {
  /** The u32 as the node sees it (`u32::from(ApiError)`); Unhandled (31) for unmapped values. */
  readonly code: number;
  /** Variant name, e.g. `MissingArgument`, `User(7)`, `Mint(InsufficientFunds)`. */
  readonly name: string;
  /** The deploy error message the node reports for `Revert(ApiError)`. */
  readonly message: string;
}

/** Decodes the status given to `casper_revert` as `ApiError::from(u32)` does. */
export function apiError(status: number): ApiErrorInfo {
  const v = status >>> 0;
  if (v >= 1 && v <= BASIC.length) {
    const name = BASIC[v - 1];
    return { code: v, name, message: `ApiError::${name} [${v}]` };
  }
  if (v >= API_ERROR_BASE.User && v <= API_ERROR_BASE.User + 0xffff) {
    const n = v - API_ERROR_BASE.User;
    return { code: v, name: `User(${n})`, message: `User error: ${n}` };
  }
  if (v >= API_ERROR_BASE.HandlePayment && v < API_ERROR_BASE.User) {
    const n = v - API_ERROR_BASE.HandlePayment;
    return { code: v, name: `HandlePayment(${n})`, message: `Handle Payment error: ${n}` };
  }
  if (v >= API_ERROR_BASE.Mint && v < API_ERROR_BASE.HandlePayment) {
    const n = v - API_ERROR_BASE.Mint;
    return { code: v, name: `Mint(${MINT[n] ?? n})`, message: `Mint error: ${n}` };
  }
  if (v >= API_ERROR_BASE.ContractHeader && v < API_ERROR_BASE.Mint) {
    const n = v - API_ERROR_BASE.ContractHeader;
    return { code: v, name: `ContractHeader(${CONTRACT_HEADER[n] ?? n})`, message: `Contract header error: ${n}` };
  }
  if (v >= API_ERROR_BASE.Auction && v < API_ERROR_BASE.ContractHeader) {
    const n = v - API_ERROR_BASE.Auction;
    const name = AUCTION[n];
    return {
      code: v,
      name: `AuctionError(${name ?? n})`,
      message: name ? `ApiError::AuctionError(${name}) [${v}]` : `ApiError::AuctionError(${n}) [${v}]`,
    };
  }
  return { code: 31, name: 'Unhandled', message: 'ApiError::Unhandled [31]' };
}

/** ApiError codes by name, for tests: `ApiErrorCode.MissingArgument` = 2. */
export const ApiErrorCode: Readonly<Record<(typeof BASIC)[number], number>> = Object.fromEntries(
  BASIC.map((n, i) => [n, i + 1]),
) as Record<(typeof BASIC)[number], number>;

/** `ApiError::Mint(n)` codes by mint error name: `MintErrorCode.InsufficientFunds` = 65024. */
export const MintErrorCode: Readonly<Record<string, number>> = Object.fromEntries(
  MINT.map((n, i) => [n, API_ERROR_BASE.Mint + i]),
);

/** `ApiError::AuctionError(n)` codes by name: `AuctionErrorCode.BondTooSmall` = 64533. */
export const AuctionErrorCode: Readonly<Record<string, number>> = Object.fromEntries(
  AUCTION.map((n, i) => [n, API_ERROR_BASE.Auction + i]),
);

/** `ApiError::ContractHeader(n)` codes by name. */
export const ContractHeaderErrorCode: Readonly<Record<string, number>> = Object.fromEntries(
  CONTRACT_HEADER.flatMap((n, i) => (n ? [[n, API_ERROR_BASE.ContractHeader + i]] : [])),
);

/** `ApiError::User(n)`. */
export function userError(n: number): number {
  return API_ERROR_BASE.User + n;
}
