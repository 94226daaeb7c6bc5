// The README's example, verbatim in substance, so the documentation stays true.
import { CLValue, MintErrorCode, TestEnv } from '../../../runtime';

test('transfer-to-account moves motes', () => {
  const env = new TestEnv();
  const target = new Uint8Array(32).fill(7);
  const r = env.runSession({
    wasm: 'transfer-to-account',
    args: [
      { name: 'target', value: CLValue.byteArray32(target) },
      { name: 'amount', value: CLValue.u512(2_500_000_000n) },
    ],
  });
  expect(r.success).toBe(true);
  expect(env.accountBalance(target)).toBe(2_500_000_000n);
});

test('a failed transfer reports the mint error and changes nothing', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const r = env.runSession({
    wasm: 'transfer-to-account',
    args: [
      { name: 'target', value: CLValue.byteArray32(new Uint8Array(32).fill(7)) },
      { name: 'amount', value: CLValue.u512(10n ** 30n) },
    ],
  });
  expect(r.success).toBe(false);
  expect(r.error?.kind).toBe('Revert');
  expect(r.error?.apiError?.code).toBe(MintErrorCode.InsufficientFunds);
  expect(env.stateRoot()).toBe(root);
});
