/**
 * The meter module an instrumented guest's `env.gas` is bound to (host-internal, never seen by
 * the node's rules): `gas(cost)` subtracts the u32 cost from an i64 allowance and calls back into
 * the host only when it goes negative. A block charge is then a Wasm-to-Wasm call.
 *
 *   (module
 *     (import "host" "exhausted" (func $exhausted))
 *     (global $left (export "left") (mut i64) (i64.const 0))
 *     (func (export "gas") (param i32)
 *       (global.set $left (i64.sub (global.get $left) (i64.extend_i32_u (local.get 0))))
 *       (if (i64.lt_s (global.get $left) (i64.const 0)) (then (call $exhausted)))))
 */

/** The module above, assembled. */
const METER_WASM = Uint8Array.from([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00,
  // types: () -> (), (i32) -> ()
  0x01,
  0x08,
  0x02,
  0x60,
  0x00,
  0x00,
  0x60,
  0x01,
  0x7f,
  0x00,
  // import host.exhausted: type 0
  0x02,
  0x12,
  0x01,
  0x04,
  0x68,
  0x6f,
  0x73,
  0x74,
  0x09,
  0x65,
  0x78,
  0x68,
  0x61,
  0x75,
  0x73,
  0x74,
  0x65,
  0x64,
  0x00,
  0x00,
  // function: type 1
  0x03,
  0x02,
  0x01,
  0x01,
  // global: mut i64 = 0
  0x06,
  0x06,
  0x01,
  0x7e,
  0x01,
  0x42,
  0x00,
  0x0b,
  // exports: "left" global 0, "gas" func 1
  0x07,
  0x0e,
  0x02,
  0x04,
  0x6c,
  0x65,
  0x66,
  0x74,
  0x03,
  0x00,
  0x03,
  0x67,
  0x61,
  0x73,
  0x00,
  0x01,
  // code
  0x0a,
  0x16,
  0x01,
  0x14,
  0x00,
  0x23,
  0x00,
  0x20,
  0x00,
  0xad,
  0x7d,
  0x24,
  0x00, // left = left - extend_u(cost)
  0x23,
  0x00,
  0x42,
  0x00,
  0x53,
  0x04,
  0x40,
  0x10,
  0x00,
  0x0b, // if left < 0: exhausted()
  0x0b,
]);

/** A compiled meter module (compile once per environment). */
export function compileMeter(): WebAssembly.Module {
  return new WebAssembly.Module(METER_WASM);
}

/** One meter instance: its `gas` function for the guest and its allowance global. */
export interface Meter {
  readonly gas: (cost: number) => void;
  readonly left: WebAssembly.Global;
}

/** Instantiates a meter whose overflow calls `exhausted` (which must throw). */
export function instantiateMeter(module: WebAssembly.Module, exhausted: () => never): Meter {
  const inst = new WebAssembly.Instance(module, { host: { exhausted } });
  return { gas: inst.exports.gas as (cost: number) => void, left: inst.exports.left as WebAssembly.Global };
}
