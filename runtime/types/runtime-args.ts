/**
 * RuntimeArgs (`types/src/runtime_args.rs`): a Vec of (String name, CLValue) in insertion order.
 * Duplicate names are representable; lookups take the first match (`RuntimeArgs::get`).
 */
import { type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { type CLValue, readCLValue, writeCLValue } from './clvalue';

/** One named argument. */
export interface NamedArg {
  /** Argument name. */
  readonly name: string;
  /** Argument value. */
  readonly value: CLValue;
}

/** Runtime arguments in wire order. */
export type RuntimeArgs = NamedArg[];

/** Builds RuntimeArgs from an object, in property order. */
export function runtimeArgs(args: Record<string, CLValue>): RuntimeArgs {
  return Object.entries(args).map(([name, value]) => ({ name, value }));
}

/** The first argument called `name`, or undefined. */
export function getRuntimeArg(args: readonly NamedArg[], name: string): CLValue | undefined {
  for (const a of args) if (a.name === name) return a.value;
  return undefined;
}

/** Reads one NamedArg. */
export function readNamedArg(r: Reader): NamedArg {
  const name = r.string();
  return { name, value: readCLValue(r) };
}

/** Writes one NamedArg. */
export function writeNamedArg(w: Writer, a: NamedArg): void {
  w.string(a.name);
  writeCLValue(w, a.value);
}

/** Reads RuntimeArgs. */
export function readRuntimeArgs(r: Reader): RuntimeArgs {
  return r.vec(readNamedArg);
}

/** Writes RuntimeArgs in the given order. */
export function writeRuntimeArgs(w: Writer, args: readonly NamedArg[]): void {
  w.vec(args, writeNamedArg);
}

/** Decodes exactly one RuntimeArgs. */
export function decodeRuntimeArgs(bytes: Uint8Array): DecodeResult<RuntimeArgs> {
  return fromBytes(bytes, readRuntimeArgs);
}

/** Serializes RuntimeArgs. */
export function encodeRuntimeArgs(args: readonly NamedArg[]): Uint8Array {
  return toBytes(args, writeRuntimeArgs, 128);
}
