// named-purse-payment: custom PAYMENT code — pays for the deploy from a purse stored under one of
// the account's named keys instead of its main purse, and makes that purse the refund purse.
//
// Args:    purse_name: String (the named key holding the purse URef), amount: U512
// Changes: the named purse −amount into handle payment's payment purse; the refund (99/100 of
//          what the deploy does not spend) goes back to the named purse.
// Errors:  MissingArgument (2), InvalidArgument (3), InvalidPurseName (11) when the named key is
//          missing, InvalidPurse (12) when it is not a URef, Mint(InsufficientFunds) (65024), …;
//          a failed payment costs the deploy 2.5 CSPR from the main purse.
// Mirrors casper-node smart_contracts/contracts/client/named-purse-payment.

import { ApiError, RuntimeArgs, Unit, URef, U512, revert, runtime, system } from '../assembly';

const GET_PAYMENT_PURSE = 'get_payment_purse';
const SET_REFUND_PURSE = 'set_refund_purse';

const ARG_AMOUNT = 'amount';
const ARG_PURSE = 'purse';
const ARG_PURSE_NAME = 'purse_name';

/** Payment entry point. */
export function call(): void {
  // source purse uref by name (from current context's named keys)
  const purseName = runtime.getNamedArg<string>(ARG_PURSE_NAME);
  const key = runtime.getKey(purseName);
  if (key === null) revert(ApiError.InvalidPurseName);
  const purseUref = key!.toURef();
  if (purseUref === null) revert(ApiError.InvalidPurse);

  // amount to transfer from named purse to payment purse
  const amount = runtime.getNamedArg<U512>(ARG_AMOUNT);

  // handle payment contract
  const handlePaymentHash = system.getHandlePayment();

  // set refund purse to source purse
  runtime.callContract<Unit>(
    handlePaymentHash,
    SET_REFUND_PURSE,
    new RuntimeArgs().insert<URef>(ARG_PURSE, purseUref!),
  );

  // get payment purse for current execution
  const paymentPurse = runtime.callContract<URef>(handlePaymentHash, GET_PAYMENT_PURSE, new RuntimeArgs());

  // transfer amount from named purse to payment purse, which will be used to pay for execution
  system.transferFromPurseToPurseOrRevert(purseUref!, paymentPurse, amount);
}
