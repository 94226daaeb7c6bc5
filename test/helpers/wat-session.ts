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
