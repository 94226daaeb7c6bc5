// delegate: the client session delegating from the caller's main purse (sessions/delegate.ts).
import { Args, CLValue as SdkCLValue, PublicKey as SdkPublicKey } from 'casper-js-sdk';
import { ApiErrorCode, AuctionErrorCode, CLValue, MintErrorCode } from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import { publicKeyToHex } from '../../runtime/types/public-key';
import type { RuntimeArgs } from '../../runtime/types/runtime-args';
import {
  auctionEnv,
  BALANCE,
  balanceOf,
  CSPR,
  D,
  D2,
  delegation,
  delegationArgs,
  hashOf,
  MIN_DELEGATION,
  NOBODY,
  purseBalance,
  V1,
} from '../runtime/auction/fixtures';

/** Session gas of delegating 1,000 CSPR (opcodes + host functions + the auction's 2.5 CSPR). */
const DELEGATE_GAS = 2_969_168_960;
/** The same when the delegation already holds 1,000 CSPR (the U512 result, 2,000 CSPR, is a byte longer). */
const TOP_UP_GAS = 2_969_216_020;

const run = (env: ReturnType<typeof auctionEnv>, args: RuntimeArgs, caller = D) =>
  env.runSession({ wasm: 'delegate', args, caller: hashOf(caller) });

test('a full deploy: the delegation, its bonding purse and the main purse to the mote', () => {
  const env = auctionEnv();
  const r = env.runDeploy({
    caller: hashOf(D),
    session: {
      wasm: 'delegate',
      args: Args.fromMap({
        delegator: SdkCLValue.newCLPublicKey(SdkPublicKey.fromHex(publicKeyToHex(D))),
        validator: SdkCLValue.newCLPublicKey(SdkPublicKey.fromHex(publicKeyToHex(V1))),
        amount: SdkCLValue.newCLUInt512(1000n * CSPR),
      }),
    },
  });
  expect(r).toSucceed();
  expect(r.sessionGasUsed).toBe(DELEGATE_GAS);
  const d = delegation(env, V1, D)!;
  expect(d).toEqual({
    delegatorPublicKey: D,
    stakedAmount: 1000n * CSPR,
    bondingPurse: { addr: d.bondingPurse.addr, rights: 7 },
    validatorPublicKey: V1,
    vestingSchedule: null,
  });
  expect(purseBalance(env, d.bondingPurse)).toBe(1000n * CSPR);
  expect(r.transfers).toHaveLength(1);
  expect(balanceOf(env, D)).toBe(BALANCE - 1000n * CSPR - (DEFAULT_PAYMENT - r.refund));
});

test('a second run tops up the same delegation', () => {
  const env = auctionEnv();
  expect(run(env, delegationArgs(D, V1, 1000n * CSPR))).toSucceed();
  const purse = delegation(env, V1, D)!.bondingPurse;
  const r = run(env, delegationArgs(D, V1, 1000n * CSPR));
  expect(r).toSucceed();
  expect(r.gasUsed).toBe(TOP_UP_GAS);
  expect(delegation(env, V1, D)).toMatchObject({ stakedAmount: 2000n * CSPR, bondingPurse: purse });
  expect(balanceOf(env, D)).toBe(BALANCE - 2000n * CSPR);
});

describe('failures change nothing', () => {
  const cases: Array<[string, RuntimeArgs, number]> = [
    [
      'no validator',
      delegationArgs(D, V1, MIN_DELEGATION).filter((a) => a.name !== 'validator'),
      ApiErrorCode.MissingArgument,
    ],
    ['no amount', delegationArgs(D, V1, MIN_DELEGATION).slice(0, 2), ApiErrorCode.MissingArgument],
    [
      'amount as U64',
      [...delegationArgs(D, V1, 0n).slice(0, 2), { name: 'amount', value: CLValue.u64(MIN_DELEGATION) }],
      ApiErrorCode.InvalidArgument,
    ],
    [
      'validator as an account hash',
      [
        delegationArgs(D, V1, 0n)[0],
        { name: 'validator', value: CLValue.byteArray32(hashOf(V1)) },
        delegationArgs(D, V1, MIN_DELEGATION)[2],
      ],
      ApiErrorCode.InvalidArgument,
    ],
    [
      'below the minimum delegation',
      delegationArgs(D, V1, MIN_DELEGATION - 1n),
      AuctionErrorCode.DelegationAmountTooSmall,
    ],
    ['an unknown validator', delegationArgs(D, NOBODY, MIN_DELEGATION), AuctionErrorCode.ValidatorNotFound],
    ['someone else as delegator', delegationArgs(D2, V1, MIN_DELEGATION), AuctionErrorCode.InvalidContext],
    ['amount 0', delegationArgs(D, V1, 0n), AuctionErrorCode.BondTooSmall],
    ['more than the balance', delegationArgs(D, V1, BALANCE + 1n), MintErrorCode.InsufficientFunds],
  ];
  test.each(cases)('%s', (_, args, code) => {
    const env = auctionEnv();
    const root = env.stateRoot();
    expect(run(env, args)).toRevertWith(code);
    expect(env.stateRoot()).toBe(root);
  });

  test('codes: 2, 3, 64557, 64519, 64526, 64533, 65024', () => {
    expect(cases.map((c) => c[2])).toEqual([2, 2, 3, 3, 64557, 64519, 64526, 64533, 65024]);
  });

  test('max_delegators_per_validator reached: ExceededDelegatorSizeLimit (64555)', () => {
    const env = auctionEnv({ costs: { core: { max_delegators_per_validator: 1 } } });
    expect(run(env, delegationArgs(D2, V1, MIN_DELEGATION), D2)).toSucceed();
    const root = env.stateRoot();
    expect(run(env, delegationArgs(D, V1, MIN_DELEGATION))).toRevertWith(64555);
    expect(env.stateRoot()).toBe(root);
  });
});
