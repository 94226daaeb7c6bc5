// WAT sessions for host-function tests: assemble a module whose `call` body is given inline, with
// imports of exactly the host functions it uses (signatures from the node's table), and read back
// what it reported (a `$check` revert code, or bytes `$dumpbuf` stored under named key "dump").
import type { ExecutionResult, TestEnv } from '../../runtime/env';
import { HOST_FUNCTIONS, PRINT_FUNCTION } from '../../runtime/wasm/host-functions';

const wabtReady: Promise<any> = require('wabt')();

/** WAT signature of every host function, from the node's import table. */
export const SIGS: Record<string, string> = Object.fromEntries(
  [...HOST_FUNCTIONS, PRINT_FUNCTION].map((f) => [
    f.name,
    `${f.params ? `(param${' i32'.repeat(f.params)})` : ''}${f.result ? ' (result i32)' : ''}`,
  ]),
);

/** `$dumpbuf`: drains the host buffer and stores its inner bytes as CLValue(Any) under named key "dump". */
const DUMPBUF = `
  (func $dumpbuf
    (local $rc i32)
    (local.set $rc (call $casper_read_host_buffer (i32.const 4100) (i32.const 50000) (i32.const 4096)))
    (if (local.get $rc) (then (call $casper_revert (i32.add (i32.const 65536) (local.get $rc)))))
    (i32.store8 (i32.add (i32.const 4100) (i32.load (i32.const 4096))) (i32.const 21))
    (call $casper_new_uref (i32.const 8100) (i32.const 4096) (i32.add (i32.load (i32.const 4096)) (i32.const 5)))
    (i32.store8 (i32.const 8099) (i32.const 2))
    (call $casper_put_key (i32.const 8000) (i32.const 8) (i32.const 8099) (i32.const 34)))
  (data (i32.const 8000) "\\04\\00\\00\\00dump")`;

/** Reverts with User(rc) when rc ≠ 0 (the test sees 65536 + rc). */
const CHECK = `
  (func $check (param $rc i32)
    (if (local.get $rc) (then (call $casper_revert (i32.add (i32.const 65536) (local.get $rc))))))`;

/** WAT string literal of raw bytes. */
export function watBytes(b: Uint8Array): string {
  return [...b].map((x) => '\\' + x.toString(16).padStart(2, '0')).join('');
}

/** Assembles a session: `body` is the body of `call`; `data` places bytes at addresses. */
export async function session(
  body: string,
  data: ReadonlyArray<readonly [number, Uint8Array]> = [],
): Promise<Uint8Array> {
  const wabt = await wabtReady;
  let helpers = '';
  if (body.includes('$dumpbuf')) helpers += DUMPBUF;
  if (body.includes('$check')) helpers += CHECK;
  const text0 = body + helpers;
  const imports = Object.keys(SIGS)
    .filter((n) => text0.includes('$' + n + ' ') || text0.includes('$' + n + ')'))
    .map((n) => `(import "env" "${n}" (func $${n} ${SIGS[n]}))`)
    .join('\n');
  const datas = data.map(([at, b]) => `(data (i32.const ${at}) "${watBytes(b)}")`).join('\n');
  const text = `(module ${imports}\n(memory 1)\n${datas}\n${helpers}\n(func (export "call") ${body}))`;
  const mod = wabt.parseWat('t.wat', text);
  return new Uint8Array(mod.toBinary({}).buffer);
}

/** Bytes stored by `$dumpbuf` in the last run. */
export function dumped(env: TestEnv): Uint8Array {
  const k = env.namedKeys().get('dump');
  if (!k) throw new Error('nothing dumped');
  const v = env.queryCLValue(k);
  if (!v) throw new Error('dump is not a CLValue');
  return v.bytes;
}

/** The user code a `$check` failure reported, or undefined on success. */
export function userCode(r: ExecutionResult): number | undefined {
  if (r.success) return undefined;
  if (r.error?.kind !== 'Revert') throw new Error(`expected a revert, got ${r.error?.kind}: ${r.error?.message}`);
  return r.error.apiError!.code - 65536;
}

/** `$memeq(a, b, n)`: 1 when the n bytes at a and b are equal, else 0. */
export const MEMEQ = `(func $memeq (param $a i32) (param $b i32) (param $n i32) (result i32)
  (block $done (loop $l
    (br_if $done (i32.eqz (local.get $n)))
    (if (i32.ne (i32.load8_u (local.get $a)) (i32.load8_u (local.get $b))) (then (return (i32.const 0))))
    (local.set $a (i32.add (local.get $a) (i32.const 1)))
    (local.set $b (i32.add (local.get $b) (i32.const 1)))
    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
    (br $l)))
  (i32.const 1))`;

/**
 * A session importing the host functions `imports` (named without `casper_`, e.g. `$get_caller`)
 * plus `$revert`, with `$memeq`, data segments and the body of `call`. Needs `await wabtLoaded()`
 * once before (e.g. in beforeAll).
 */
export function stepSession(
  wabt: { parseWat: (n: string, t: string) => { toBinary: (o: object) => { buffer: Uint8Array } } },
  imports: readonly string[],
  body: string,
  data: ReadonlyArray<readonly [number, Uint8Array]> = [],
): Uint8Array {
  const text = `(module
  ${imports.map((n) => `(import "env" "casper_${n}" (func $${n} ${SIGS[`casper_${n}`]}))`).join('\n  ')}
  (import "env" "casper_revert" (func $revert (param i32)))
  (memory 1)
  ${data.map(([o, b]) => `(data (i32.const ${o}) "${watBytes(b)}")`).join('\n  ')}
  ${MEMEQ}
  (func (export "call") ${body}))`;
  return new Uint8Array(wabt.parseWat('t.wat', text).toBinary({}).buffer);
}

/** The wabt module (assembles WAT). */
export function wabtLoaded(): Promise<any> {
  return wabtReady;
}

/** Reverts with User(step) unless `call` returns `code`. */
export const expectCode = (call: string, code: number, step: number): string =>
  `(if (i32.ne ${call} (i32.const ${code})) (then (call $revert (i32.const ${65536 + step}))))`;

/** Reverts with User(value of `expr`). */
export const report = (expr: string): string => `(call $revert (i32.add (i32.const 65536) ${expr}))`;
