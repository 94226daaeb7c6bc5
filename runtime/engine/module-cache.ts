/**
 * Compiles each distinct module once: validation with the node's preprocessing rules, the
 * node's memory externalization, gas injection and stack-height limiter, and
 * `new WebAssembly.Module`, cached by content hash
 * (SHA-256). A module the node would reject is cached as its error. One cache per environment;
 * it also keeps each module's idle instances for reuse.
 */

import { createHash } from 'node:crypto';
import type { WasmCosts } from '../costs';
import { exportMutableGlobals } from '../wasm/export-globals';
import { injectGasCounter } from '../wasm/gas-inject';
import { inlineGasCharges } from '../wasm/inline-gas';
import { injectStackLimiter } from '../wasm/stack-height';
import { externalizeMemory } from '../wasm/externalize-memory';
import { readImports } from '../wasm/imports';
import { validateModule, type WasmValidationError } from '../wasm/validate';
import { ExecutionError } from './errors';

/** A module ready to instantiate. */
export interface PreparedModule {
  /** SHA-256 of the original bytes, hex. */
  readonly hash: string;
  /** The original bytes. */
  readonly bytes: Uint8Array;
  /** The module as the node's preprocessing leaves it (memory externalized, gas injected, stack limited): what add_contract_version prunes and stores. Absent for stored contract Wasm, which is run as stored. */
  readonly instrumented?: Uint8Array;
  /** Names of the module's exported functions. */
  readonly exports: readonly string[];
  /** The compiled module, its memory imported as `env.memory`. */
  readonly module: WebAssembly.Module;
  /** Memory limits to create `env.memory` with. */
  readonly memory: { readonly initial: number; readonly maximum: number };
  /** Names of the imported host functions, in import order. */
  readonly functionImports: readonly string[];
  /** Instances that finished a run and were reset to their initial state (see executor.ts). */
  readonly idle: ReusableInstance[];
}

/** An instance the executor may run again after resetting memory and mutable globals. */
export interface ReusableInstance {
  readonly instance: WebAssembly.Instance;
  readonly memory: WebAssembly.Memory;
  /** The context its host-function imports dispatch to; set before each run. */
  readonly target: { ctx: unknown };
  /** Its gas allowance global (inline-gas.ts), absent when nothing is metered. */
  readonly gasLeft: WebAssembly.Global | null;
  /** Memory contents right after instantiation. */
  readonly memorySnapshot: Uint8Array;
  /** The module's mutable globals and their values right after instantiation. */
  readonly globals: ReadonlyArray<readonly [WebAssembly.Global, number | bigint]>;
}

/** The ExecutionError a node reports for a module it rejects. */
export function preprocessingError(e: WasmValidationError): ExecutionError {
  if (e.kind === 'UnsupportedWasmStart') return new ExecutionError('UnsupportedWasmStart', e.message);
  if (e.nodeError === 'Interpreter') return new ExecutionError('Interpreter', e.message);
  if (e.nodeError === 'FunctionNotFound') return new ExecutionError('FunctionNotFound', e.message);
  return new ExecutionError('WasmPreprocessing', e.message);
}

/** Content-addressed cache of prepared modules. */
export class ModuleCache {
  private readonly byHash = new Map<string, PreparedModule | ExecutionError>();
  /** The same lookups by the bytes object (callers treat module bytes as immutable once run). */
  private readonly byBytes = new WeakMap<Uint8Array, PreparedModule | ExecutionError>();

  constructor(
    /** The chainspec's `[wasm]` table: max_memory, max_stack_height and the opcode costs. */
    private readonly wasm: Pick<WasmCosts, 'max_memory' | 'max_stack_height' | 'opcode_costs'>,
  ) {}

  private compile(hash: string, bytes: Uint8Array, entryPoints?: readonly string[]): PreparedModule | ExecutionError {
    const v = validateModule(bytes, entryPoints ? { entryPoints } : {});
    if (!v.ok) return preprocessingError(v.error);
    // The node's preprocessing, in its order: externalize memory, inject gas, limit stack height.
    const ext = externalizeMemory(bytes, this.wasm.max_memory);
    if (!ext) return new ExecutionError('WasmPreprocessing', 'Wasm preprocessing error: Memory section should exist');
    const metered = injectGasCounter(ext.bytes, this.wasm.opcode_costs);
    if ('error' in metered) {
      return new ExecutionError(
        'WasmPreprocessing',
        'Wasm preprocessing error: Encountered operation forbidden by gas rules. Consult instruction -> metering config map',
      );
    }
    const limited = injectStackLimiter(metered.bytes, this.wasm.max_stack_height);
    if ('error' in limited)
      return new ExecutionError('WasmPreprocessing', 'Wasm preprocessing error: Stack limiter error');
    let module: WebAssembly.Module;
    try {
      module = new WebAssembly.Module(
        exportMutableGlobals(inlineGasCharges(limited.bytes, metered.gasFunctionIndex)).bytes,
      );
    } catch (e) {
      // Function-body validation (operand types, local indices…) is wasmi's on the node and is
      // reported as an Interpreter error; V8's compiler finds the same faults here.
      if (e instanceof WebAssembly.CompileError)
        return new ExecutionError('Interpreter', `Interpreter error: ${e.message}`);
      throw e;
    }
    return {
      hash,
      bytes,
      instrumented: limited.bytes,
      exports: v.exports,
      module,
      memory: { initial: ext.initial, maximum: ext.maximum },
      functionImports: WebAssembly.Module.imports(module)
        .filter((i) => i.kind === 'function')
        .map((i) => i.name),
      idle: [],
    };
  }

  /** The prepared module, or the error the node would report for it. */
  prepare(bytes: Uint8Array, entryPoints?: readonly string[]): PreparedModule | ExecutionError {
    if (!entryPoints) {
      const known = this.byBytes.get(bytes);
      if (known) return known;
      const result = this.prepareByHash(bytes);
      this.byBytes.set(bytes, result);
      return result;
    }
    return this.prepareByHash(bytes, entryPoints);
  }

  /**
   * Stored contract Wasm, as `execute_contract` runs it: already preprocessed when it was stored,
   * so it is not validated or instrumented again (wasmi's own validation aside); its `env.gas`
   * calls charge the phase's meter and its `env.memory` import is created with the limits it
   * declares. No memory import → Resolver error; a start section → UnsupportedWasmStart.
   */
  prepareStored(bytes: Uint8Array): PreparedModule | ExecutionError {
    const known = this.byBytes.get(bytes);
    if (known) return known;
    const hash = createHash('sha256').update(bytes).digest('hex');
    const key = `stored:${hash}`;
    let result = this.byHash.get(key);
    if (!result) {
      result = this.compileStored(hash, bytes);
      this.byHash.set(key, result);
    }
    this.byBytes.set(bytes, result);
    return result;
  }

  private compileStored(hash: string, bytes: Uint8Array): PreparedModule | ExecutionError {
    if (bytes.length === 0) return new ExecutionError('ParityWasm', 'I/O Error: UnexpectedEof');
    const parsed = readImports(bytes);
    if (!parsed) return new ExecutionError('ParityWasm', 'I/O Error: InvalidData');
    const functionImports = parsed.imports.filter((i) => i.kind === 0);
    const gasIndex = functionImports.findIndex((i) => i.field === 'gas');
    let module: WebAssembly.Module;
    try {
      const metered = gasIndex >= 0 ? inlineGasCharges(bytes, gasIndex) : new Uint8Array(bytes);
      module = new WebAssembly.Module(exportMutableGlobals(metered).bytes);
    } catch (e) {
      if (e instanceof WebAssembly.CompileError)
        return new ExecutionError('Interpreter', `Interpreter error: ${e.message}`);
      throw e;
    }
    if (parsed.hasStart) return new ExecutionError('UnsupportedWasmStart', 'Unsupported WASM start');
    const memory = parsed.imports.find((i) => i.kind === 2 && i.module === 'env' && i.field === 'memory');
    if (!memory?.limits) return new ExecutionError('Resolver', 'Resolver error: No imported memory');
    return {
      hash,
      bytes,
      exports: WebAssembly.Module.exports(module)
        .filter((e) => e.kind === 'function')
        .map((e) => e.name),
      module,
      memory: { initial: memory.limits.initial, maximum: memory.limits.maximum ?? this.wasm.max_memory },
      functionImports: WebAssembly.Module.imports(module)
        .filter((i) => i.kind === 'function')
        .map((i) => i.name),
      idle: [],
    };
  }

  private prepareByHash(bytes: Uint8Array, entryPoints?: readonly string[]): PreparedModule | ExecutionError {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const key = entryPoints ? `${hash}:${entryPoints.join(',')}` : hash;
    const hit = this.byHash.get(key);
    if (hit) return hit;
    const result = this.compile(hash, bytes, entryPoints);
    this.byHash.set(key, result);
    return result;
  }
}
