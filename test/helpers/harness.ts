// Loads a jest harness module (build/test/<name>.wasm, built by scripts/build-harness.mjs)
// with @assemblyscript/loader. The harness gets the host functions a pure SDK test needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import loader from '@assemblyscript/loader';
import { blake2b } from '@noble/hashes/blake2b';

/** The loader's exports plus the harness's own functions. */
export type Harness = loader.ASUtil & Record<string, any>;

const modules = new Map<string, WebAssembly.Module>();

/** Instantiates build/test/<name>.wasm (compiled once per jest worker). */
export function loadHarness(name: string): Harness {
  let mod = modules.get(name);
  if (!mod) {
    mod = new WebAssembly.Module(readFileSync(join(__dirname, '..', '..', 'build', 'test', `${name}.wasm`)));
    modules.set(name, mod);
  }
  const memory: { current?: WebAssembly.Memory } = {};
  const env = {
    abort(msgPtr: number, filePtr: number, line: number, col: number): never {
      const h = inst as unknown as Harness;
      const msg = msgPtr ? h.__getString(msgPtr) : '';
      const file = filePtr ? h.__getString(filePtr) : '';
      throw new Error(`abort: ${msg} at ${file}:${line}:${col}`);
    },
    casper_blake2b(inPtr: number, inSize: number, outPtr: number, outSize: number): number {
      const m = new Uint8Array(memory.current!.buffer);
      if (outSize !== 32) return 32;
      m.set(blake2b(m.slice(inPtr, inPtr + inSize), { dkLen: 32 }), outPtr);
      return 0;
    },
    casper_revert(code: number): never {
      throw new Error(`revert ${code >>> 0}`);
    },
  };
  const inst = loader.instantiateSync(mod, { env });
  memory.current = (inst.exports as any).memory as WebAssembly.Memory;
  return inst.exports as unknown as Harness;
}

/** Copies bytes into a new StaticArray<u8> in the harness; returns its pointer. */
export function putBytes(h: Harness, bytes: Uint8Array, staticArrayId: number): number {
  const ptr = h.__newArray(staticArrayId, bytes);
  return ptr;
}

/** Reads a StaticArray<u8> returned by the harness. */
export function getBytes(h: Harness, ptr: number): Uint8Array {
  return new Uint8Array(h.__getArray(ptr));
}
