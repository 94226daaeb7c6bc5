// Deploy authorization as the node checks it before executing (engine_state
// get_authorized_account): approvals must all be associated keys, and their weights must reach
// the deployment threshold; otherwise nothing runs and nothing is charged.
import { TestEnv } from '../../../runtime';
import { accountKey } from '../../../runtime/types';

const noop = async () => {
  const wabt = await require('wabt')();
  return new Uint8Array(wabt.parseWat('n.wat', '(module (memory 1) (func (export "call")))').toBinary({}).buffer);
};

test('an approval that is not an associated key: Authorization', async () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const r = env.runSession({ wasm: await noop(), authorizationKeys: [new Uint8Array(32).fill(9)] });
  expect(r.success).toBe(false);
  expect(r.error?.kind).toBe('Authorization');
  expect(r.error?.message).toBe('Authorization failure: not authorized.');
  expect(r.gasUsed).toBe(0);
  expect(env.stateRoot()).toBe(root);
});

test('weights below the deployment threshold: DeploymentAuthorizationFailure; enough weight runs', async () => {
  const env = new TestEnv();
  const me = env.defaultAccountHash;
  const other = new Uint8Array(32).fill(5);
  const account = env.account()!;
  // Two keys of weight 1 each, deployment threshold 2 (as after a multi-sig setup).
  env.state.put(accountKey(me), {
    tag: 1,
    account: {
      ...account,
      associatedKeys: [
        { accountHash: other, weight: 1 },
        { accountHash: me, weight: 1 },
      ].sort((a, b) => Buffer.compare(a.accountHash, b.accountHash)),
      actionThresholds: { deployment: 2, keyManagement: 2 },
    },
  });
  const wasm = await noop();
  const one = env.runSession({ wasm });
  expect(one.error?.kind).toBe('DeploymentAuthorizationFailure');
  expect(one.error?.message).toBe('Deployment authorization failure');
  expect(env.runSession({ wasm, authorizationKeys: [me, other] }).success).toBe(true);
});

test('a body that pops an empty stack fails the stack limiter, as on the node', () => {
  // (func (export "call") i32.add) — stack underflow: passes the node's structural rules, fails
  // function validation (wasmi on the node, V8 here).
  const bytes = Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x05,
    0x03, 0x01, 0x00, 0x01, 0x07, 0x08, 0x01, 0x04, 0x63, 0x61, 0x6c, 0x6c, 0x00, 0x00, 0x0a, 0x05, 0x01, 0x03, 0x00,
    0x6a, 0x0b,
  ]);
  const r = new TestEnv().runSession({ wasm: bytes });
  expect(r.success).toBe(false);
  expect(r.error?.kind).toBe('WasmPreprocessing');
  expect(r.error?.message).toBe('Wasm preprocessing error: Stack limiter error');
});

test('a body with a type error (wasmi validation on the node) is an Interpreter error, not a host crash', async () => {
  const wabt = await require('wabt')();
  // i64.add of two i32s: stack heights are fine, operand types are not. wabt is told not to check.
  const mod = wabt.parseWat(
    't.wat',
    '(module (memory 1) (func (export "call") (drop (i64.add (i32.const 1) (i32.const 2)))))',
  );
  const bytes = new Uint8Array(mod.toBinary({}).buffer);
  const r = new TestEnv().runSession({ wasm: bytes });
  expect(r.error?.kind).toBe('Interpreter');
  expect(r.error?.message).toMatch(
    /^Interpreter error: WebAssembly.Module\(\): Compiling function #\d+ failed: i64.add/,
  );
});

test('an `amount` arg typed U512 whose bytes do not decode is a precondition failure; other types count as 0', async () => {
  const { CLValue } = await import('../../../runtime/types/clvalue');
  const { CLTypes } = await import('../../../runtime/types/cltype');
  const env = new TestEnv();
  const root = env.stateRoot();
  const broken = new CLValue(CLTypes.U512, Uint8Array.of(9, 1)); // length byte 9, one byte follows
  const r = env.runSession({ wasm: await noop(), args: [{ name: 'amount', value: broken }] });
  expect(r.error?.kind).toBe('CLValue');
  expect(r.gasUsed).toBe(0);
  expect(env.stateRoot()).toBe(root);
  const asString = env.runSession({ wasm: await noop(), args: [{ name: 'amount', value: CLValue.string('x') }] });
  expect(asString.success).toBe(true);
});
