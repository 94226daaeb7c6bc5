/**
 * Transfer and DeployInfo records (`types/src/transfer.rs`, `types/src/deploy_info.rs`).
 * Transfer = deploy hash ‖ from AccountHash ‖ to Option<AccountHash> ‖ source URef ‖ target URef ‖
 * amount U512 ‖ gas U512 ‖ id Option<u64>.
 * DeployInfo = deploy hash ‖ transfers Vec<TransferAddr> ‖ from AccountHash ‖ source URef ‖ gas U512.
 */
import { type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { readURef, type URef, writeURef } from './uref';

/** A transfer record (stored at Key::Transfer). */
export interface Transfer {
  /** Deploy that made the transfer. */
  readonly deployHash: Uint8Array;
  /** Account that initiated it. */
  readonly from: Uint8Array;
  /** Target account, if known. */
  readonly to: Uint8Array | null;
  /** Source purse. */
  readonly source: URef;
  /** Target purse. */
  readonly target: URef;
  /** Amount in motes. */
  readonly amount: bigint;
  /** Gas (always 0 on 1.5). */
  readonly gas: bigint;
  /** User id. */
  readonly id: bigint | null;
}

/** Reads a Transfer. */
export function readTransfer(r: Reader): Transfer {
  const deployHash = r.fixed(32);
  const from = r.fixed(32);
  const to = r.option((x) => x.fixed(32));
  const source = readURef(r);
  const target = readURef(r);
  const amount = r.u512();
  const gas = r.u512();
  return { deployHash, from, to, source, target, amount, gas, id: r.option((x) => x.u64()) };
}

/** Writes a Transfer. */
export function writeTransfer(w: Writer, t: Transfer): void {
  w.fixed(t.deployHash, 32);
  w.fixed(t.from, 32);
  w.option(t.to, (x, v) => x.fixed(v, 32));
  writeURef(w, t.source);
  writeURef(w, t.target);
  w.u512(t.amount);
  w.u512(t.gas);
  w.option(t.id, (x, v) => x.u64(v));
}

/** Decodes exactly one Transfer. */
export function decodeTransfer(bytes: Uint8Array): DecodeResult<Transfer> {
  return fromBytes(bytes, readTransfer);
}

/** Serializes a Transfer. */
export function encodeTransfer(t: Transfer): Uint8Array {
  return toBytes(t, writeTransfer, 160);
}

/** A deploy-info record (stored at Key::DeployInfo). */
export interface DeployInfo {
  /** The deploy hash. */
  readonly deployHash: Uint8Array;
  /** Transfer addresses created by the deploy, in order. */
  readonly transfers: readonly Uint8Array[];
  /** Account that sent the deploy. */
  readonly from: Uint8Array;
  /** Source purse used for payment. */
  readonly source: URef;
  /** Gas used. */
  readonly gas: bigint;
}

/** Reads a DeployInfo. */
export function readDeployInfo(r: Reader): DeployInfo {
  const deployHash = r.fixed(32);
  const transfers = r.vec((x) => x.fixed(32));
  const from = r.fixed(32);
  const source = readURef(r);
  return { deployHash, transfers, from, source, gas: r.u512() };
}

/** Writes a DeployInfo. */
export function writeDeployInfo(w: Writer, d: DeployInfo): void {
  w.fixed(d.deployHash, 32);
  w.vec(d.transfers, (x, t) => x.fixed(t, 32));
  w.fixed(d.from, 32);
  writeURef(w, d.source);
  w.u512(d.gas);
}

/** Decodes exactly one DeployInfo. */
export function decodeDeployInfo(bytes: Uint8Array): DecodeResult<DeployInfo> {
  return fromBytes(bytes, readDeployInfo);
}

/** Serializes a DeployInfo. */
export function encodeDeployInfo(d: DeployInfo): Uint8Array {
  return toBytes(d, writeDeployInfo, 160);
}
