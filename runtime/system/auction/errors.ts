/**
 * `system::auction::Error` numbers (casper-types 4.0.1 `system/auction/error.rs`) and the
 * reverts the node's `call_host_auction` turns them into: Revert(ApiError::AuctionError(n)) =
 * 64512 + n, except GasLimit (40), which becomes the out-of-gas error (`Runtime::reverter`).
 * A mint error the auction propagates is Revert(ApiError::Mint(n)) = 65024 + n.
 */

import { type ExecutionError, gasLimitError, revertError } from '../../engine/errors';
import { API_ERROR_BASE } from '../../types/api-error';

/** The auction error numbers the emulated entry points produce. */
export const AuctionError = {
  MissingKey: 0,
  InvalidKeyVariant: 1,
  MissingValue: 2,
  TransferToBidPurse: 4,
  InvalidAmount: 5,
  BidNotFound: 6,
  ValidatorNotFound: 7,
  DelegatorNotFound: 8,
  Storage: 9,
  InvalidContext: 14,
  ValidatorFundsLocked: 15,
  InvalidCaller: 16,
  InvalidPublicKey: 17,
  CreatePurseFailed: 19,
  UnbondTooLarge: 20,
  BondTooSmall: 21,
  InvalidValidatorSlotsValue: 25,
  TransferToDelegatorPurse: 27,
  TransferToUnbondingPurse: 32,
  CLValue: 34,
  Transfer: 36,
  DelegationRateTooLarge: 37,
  DelegatorFundsLocked: 38,
  ArithmeticOverflow: 39,
  GasLimit: 40,
  ExceededDelegatorSizeLimit: 43,
  DelegationAmountTooSmall: 45,
  AuctionBidsDisabled: 47,
} as const;

/** `Runtime::reverter` for `auction::Error` n: Revert(64512 + n), or GasLimit for n = 40. */
export function auctionRevert(n: number): ExecutionError {
  return n === AuctionError.GasLimit ? gasLimitError() : revertError(API_ERROR_BASE.Auction + n);
}

/** `ApiError::from(mint::Error)` as the auction propagates it: Revert(65024 + n). */
export function mintRevert(n: number): ExecutionError {
  return revertError(API_ERROR_BASE.Mint + n);
}
