// A Wasm trap becomes the node's Interpreter error; the V8 trap, with its Wasm frames, is kept as
// the error's `cause` (the CLI maps those frames to the AssemblyScript line of the trap).
import { TestEnv } from '../../../runtime/env';
import { session } from '../../helpers/wat-session';

test('trap: Code(DivisionByZero) keeps the RuntimeError and its Wasm frames as cause', async () => {
  const env = new TestEnv();
  const wasm = await session('(drop (i32.div_u (i32.const 1) (i32.const 0)))');
  const r = env.runSession({ wasm });
  expect(r.error?.kind).toBe('Interpreter');
  expect(r.error?.message).toBe('Interpreter error: trap: Code(DivisionByZero)');
  const cause = (r.error as Error & { cause?: unknown }).cause;
  expect(cause).toBeInstanceOf(WebAssembly.RuntimeError);
  expect((cause as Error).stack).toMatch(/wasm:\/+wasm\//); // V8 keeps the Wasm frames
});
