// The README's "Writing session code" test, verbatim (imports one directory deeper).
import { ed25519 } from '@noble/curves/ed25519';
import { Args, CLValue as SdkCLValue, PublicKey as SdkPublicKey } from 'casper-js-sdk';
import { publicKeyAccountHash, publicKeyFromRaw, publicKeyToHex, TestEnv, type PublicKey } from '../../runtime';
import '../../runtime/jest';

const CSPR = 1_000_000_000n;
const key = (seed: number) => publicKeyFromRaw(1, ed25519.getPublicKey(new Uint8Array(32).fill(seed)))!;
const arg = (k: PublicKey) => SdkCLValue.newCLPublicKey(SdkPublicKey.fromHex(publicKeyToHex(k)));

test('delegates 1,000 CSPR to a genesis validator', () => {
  const validator = key(1);
  const delegator = key(2);
  const env = new TestEnv({
    validators: [{ publicKey: validator, bondedAmount: 1_000_000n * CSPR, delegationRate: 10 }],
    accounts: [{ publicKey: delegator, balance: 10_000n * CSPR }],
  });
  const r = env.runDeploy({
    caller: publicKeyAccountHash(delegator),
    session: {
      wasm: 'delegate',
      args: Args.fromMap({
        delegator: arg(delegator),
        validator: arg(validator),
        amount: SdkCLValue.newCLUInt512(1000n * CSPR),
      }),
    },
  });
  expect(r).toSucceed();
  const entry = env.bid(validator)!.delegators.find((d) => publicKeyToHex(d.publicKey) === publicKeyToHex(delegator));
  expect(entry?.delegator.stakedAmount).toBe(1000n * CSPR);
  expect(env.accountBalance(publicKeyAccountHash(delegator))).toBe(10_000n * CSPR - 1000n * CSPR - r.fee);
});
