// counter-call: get, inc, get through call_contract on the contract under the named key
// `counter`, reverting User(67) unless the count went up by one (the Rust increment-counter).
import { CLValue, DEFAULT_ACCOUNT_INITIAL_BALANCE, installStub, TestEnv, userError } from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import { accountKey, hashKey, type Key } from '../../runtime/types/key';

/** What the account pays for a deploy of `gasUsed` gas at price 1 with standard payment `payment`. */
function charged(payment: bigint, gasUsed: number): bigint {
  return payment - ((payment - BigInt(gasUsed)) * 99n) / 100n;
}

function count(env: TestEnv): CLValue | undefined {
  const stored = env.queryPath(accountKey(env.defaultAccountHash), ['counter', 'count']);
  return stored?.tag === 0 ? stored.clValue : undefined;
}

/** Sets the default account's named key `name` directly in global state (test setup only). */
function putNamedKey(env: TestEnv, name: string, key: Key): void {
  const account = env.account()!;
  env.state.put(accountKey(account.accountHash), {
    tag: 1,
    account: { ...account, namedKeys: new Map([...account.namedKeys, [name, key]]) },
  });
}

test('increments the installed counter by one per run; the deploy is charged its gas', () => {
  const env = new TestEnv();
  expect(env.runSession({ wasm: 'counter-install' })).toSucceed();
  const before = env.accountBalance()!;
  const r = env.runDeploy({ session: { wasm: 'counter-call' } });
  expect(r).toSucceed();
  expect(count(env)).toEqual(CLValue.i32(1));
  expect({ env }).toHaveBalance(before - charged(DEFAULT_PAYMENT, r.gasUsed));
  expect(before).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE);
  expect(env.runSession({ wasm: 'counter-call' })).toSucceed();
  expect(count(env)).toEqual(CLValue.i32(2));
});

test('against a JS stub: calls counter_get, counter_inc, counter_get, in that order, with no arguments', () => {
  const env = new TestEnv();
  let n = 41;
  const stub = installStub(env, {
    entryPoints: {
      counter_get: () => CLValue.i32(n),
      counter_inc: () => {
        n++;
        return undefined;
      },
    },
  });
  putNamedKey(env, 'counter', hashKey(stub.contractHash));
  expect(env.runSession({ wasm: 'counter-call' })).toSucceed();
  expect(stub.calls).toEqual([
    { entryPoint: 'counter_get', args: [] },
    { entryPoint: 'counter_inc', args: [] },
    { entryPoint: 'counter_get', args: [] },
  ]);
});

test('a counter that does not go up by one: User(67); nothing changes', () => {
  const env = new TestEnv();
  for (const step of [0, 2]) {
    let n = 7;
    const stub = installStub(env, {
      entryPoints: {
        counter_get: () => CLValue.i32(n),
        counter_inc: () => {
          n += step;
          return undefined;
        },
      },
    });
    putNamedKey(env, 'counter', hashKey(stub.contractHash));
    const root = env.stateRoot();
    const r = env.runSession({ wasm: 'counter-call' });
    expect(r).toRevertWith(userError(67));
    expect(r.error?.apiError?.code).toBe(65603);
    expect(env.stateRoot()).toBe(root);
  }
});

test('u32 arithmetic as in Rust: a count wrapping from u32::MAX to 0 is one step', () => {
  const env = new TestEnv();
  let n = -1; // 0xffffffff as u32
  const stub = installStub(env, {
    entryPoints: {
      counter_get: () => CLValue.i32(n),
      counter_inc: () => {
        n = 0;
        return undefined;
      },
    },
  });
  putNamedKey(env, 'counter', hashKey(stub.contractHash));
  expect(env.runSession({ wasm: 'counter-call' })).toSucceed();
});

test('no named key `counter`: GetKey (8); nothing changes', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  expect(env.runSession({ wasm: 'counter-call' })).toRevertWith('GetKey');
  expect(env.stateRoot()).toBe(root);
});

test('`counter` is not a Key::Hash: User(66); nothing changes', () => {
  const env = new TestEnv();
  const r = env.runSession({
    wasm: 'create-purse',
    args: [
      { name: 'name', value: CLValue.string('counter') },
      { name: 'amount', value: CLValue.u512(0n) },
    ],
  });
  expect(r).toSucceed();
  const root = env.stateRoot();
  expect(env.runSession({ wasm: 'counter-call' })).toRevertWith(userError(66));
  expect(env.stateRoot()).toBe(root);
});

test('`counter` names no contract, or a contract without counter_get: the node’s errors; nothing changes', () => {
  const env = new TestEnv();
  putNamedKey(env, 'counter', hashKey(new Uint8Array(32).fill(0xcc)));
  const root = env.stateRoot();
  const missing = env.runSession({ wasm: 'counter-call' });
  expect(missing).toFailWith('KeyNotFound');
  expect(env.stateRoot()).toBe(root);

  const other = installStub(env, { entryPoints: { counter_inc: () => undefined } });
  putNamedKey(env, 'counter', hashKey(other.contractHash));
  const root2 = env.stateRoot();
  expect(env.runSession({ wasm: 'counter-call' })).toFailWith('NoSuchMethod', 'counter_get');
  expect(env.stateRoot()).toBe(root2);
});

test('a counter_get result that is not 4 bytes: the bytesrepr error, as Rust’s unwrap_or_revert gives it', () => {
  const env = new TestEnv();
  for (const [value, error] of [
    [CLValue.string('x'), 'LeftOverBytes'],
    [CLValue.u8(1), 'EarlyEndOfStream'],
  ] as const) {
    const stub = installStub(env, { entryPoints: { counter_get: () => value, counter_inc: () => undefined } });
    putNamedKey(env, 'counter', hashKey(stub.contractHash));
    const root = env.stateRoot();
    expect(env.runSession({ wasm: 'counter-call' })).toRevertWith(error);
    expect(stub.calls.map((c) => c.entryPoint)).toEqual(['counter_get']);
    expect(env.stateRoot()).toBe(root);
  }
});
