/**
 * Deploys as casper-node 1.5.6 receives them (`node/src/types/deploy.rs`, `deploy_header.rs`,
 * execution_engine `executable_deploy_item.rs`): the JSON form the RPC takes and returns, the
 * bytesrepr form the hashes are taken over, and the acceptor's checks — `is_config_compliant`
 * (size, chain name, dependencies, TTL, future timestamp, approvals count, payment amount, args
 * lengths, transfer amount), expiry, and `is_valid` (approvals present, body hash, deploy hash,
 * every signature) — with the node's error texts.
 */

import { ed25519 } from '@noble/curves/ed25519';
import { secp256k1 } from '@noble/curves/secp256k1';
import { sha256 } from '@noble/hashes/sha256';
import { blake2b256 } from '../../runtime/types/blake2b';
import { bytesToHex, compareBytes } from '../../runtime/types/bytes';
import { Writer } from '../../runtime/types/bytesrepr';
import { CLValue } from '../../runtime/types/clvalue';
import {
  comparePublicKeys,
  publicKeyToHex,
  type PublicKey,
  writePublicKey,
  PUBLIC_KEY_RAW_LENGTH,
} from '../../runtime/types/public-key';
import type { NamedArg, RuntimeArgs } from '../../runtime/types/runtime-args';
import { writeRuntimeArgs } from '../../runtime/types/runtime-args';
import { clTypeFromJson, clValueToJson, debugBytes, parsePublicKeyHex } from './cljson';
import { decodeHex, hexFmt10 } from './hex';
import { formatDuration, formatTimestamp, parseDuration, parseTimestamp } from './humantime';
import { type JsonValue, unexpected } from './json';
import {
  digest,
  type FieldParser,
  hexBytes,
  isError,
  map,
  option,
  type ParseError,
  parseEnum,
  parseStruct,
  str,
  u32,
  u64,
  vec,
} from './params';

/** A deploy's header. */
export interface DeployHeader {
  readonly account: PublicKey;
  /** Milliseconds since the epoch. */
  readonly timestamp: bigint;
  /** Milliseconds. */
  readonly ttl: bigint;
  readonly gasPrice: bigint;
  readonly bodyHash: Uint8Array;
  readonly dependencies: readonly Uint8Array[];
  readonly chainName: string;
}

/** ExecutableDeployItem. */
export type ExecutableDeployItem =
  | { readonly kind: 'ModuleBytes'; readonly moduleBytes: Uint8Array; readonly args: RuntimeArgs }
  | {
      readonly kind: 'StoredContractByHash';
      readonly hash: Uint8Array;
      readonly entryPoint: string;
      readonly args: RuntimeArgs;
    }
  | {
      readonly kind: 'StoredContractByName';
      readonly name: string;
      readonly entryPoint: string;
      readonly args: RuntimeArgs;
    }
  | {
      readonly kind: 'StoredVersionedContractByHash';
      readonly hash: Uint8Array;
      readonly version: number | null;
      readonly entryPoint: string;
      readonly args: RuntimeArgs;
    }
  | {
      readonly kind: 'StoredVersionedContractByName';
      readonly name: string;
      readonly version: number | null;
      readonly entryPoint: string;
      readonly args: RuntimeArgs;
    }
  | { readonly kind: 'Transfer'; readonly args: RuntimeArgs };

/** A signature over the deploy hash: signer and tag-prefixed signature bytes. */
export interface Approval {
  readonly signer: PublicKey;
  /** Tag byte (1 Ed25519, 2 Secp256k1) then the 64 signature bytes. */
  readonly signature: Uint8Array;
}

/** A deploy. */
export interface Deploy {
  readonly hash: Uint8Array;
  readonly header: DeployHeader;
  readonly payment: ExecutableDeployItem;
  readonly session: ExecutableDeployItem;
  /** A set: sorted (signer, signature) and deduplicated, as `BTreeSet<Approval>`. */
  readonly approvals: readonly Approval[];
}

/** Chainspec `[deploys]` figures the acceptor checks, plus the acceptor's leeway. */
export interface DeployConfig {
  readonly maxTtl: bigint;
  readonly maxDependencies: number;
  readonly maxDeploySize: number;
  readonly blockGasLimit: bigint;
  readonly paymentArgsMaxLength: number;
  readonly sessionArgsMaxLength: number;
  readonly nativeTransferMinimumMotes: bigint;
  readonly maxAssociatedKeys: number;
  /** deploy_acceptor `timestamp_leeway` (default "2sec"). */
  readonly timestampLeeway: bigint;
}

// ---------------------------------------------------------------- JSON → Deploy

const publicKey: FieldParser<PublicKey> = (v) => {
  if (typeof v !== 'string') return { error: `invalid type: ${unexpected(v)}, expected a string` };
  const pk = parsePublicKeyHex(v);
  return 'error' in pk ? { error: pk.error } : pk;
};

const signature: FieldParser<Uint8Array> = (v) => {
  if (typeof v !== 'string') return { error: `invalid type: ${unexpected(v)}, expected a string` };
  if (v.length < 2) return { error: 'failed to decode from hex: too short' };
  const tag = decodeHex(v.slice(0, 2));
  if ('error' in tag) return { error: `parsing from hex: ${tag.error}` };
  const raw = decodeHex(v.slice(2));
  if ('error' in raw) return { error: `parsing from hex: ${raw.error}` };
  const t = tag[0];
  if (t === 0) {
    if (raw.length !== 0) return { error: 'failed to decode from hex: invalid system variant' };
    return Uint8Array.of(0);
  }
  if (t > 2) return { error: `failed to decode from hex: invalid tag.  Expected 0, 1 or 2, got ${t}` };
  if (raw.length !== 64) {
    return {
      error: `failed to construct ${t === 1 ? 'Ed25519' : 'secp256k1'} signature from ${debugBytes(raw)}`,
    };
  }
  const out = new Uint8Array(65);
  out[0] = t;
  out.set(raw, 1);
  return out;
};

const clValue: FieldParser<CLValue> = (v) => {
  const s = parseStruct(
    v,
    'CLValueJson',
    [
      { name: 'cl_type', parse: (x) => clTypeFromJson(x) },
      { name: 'bytes', parse: hexBytes },
      { name: 'parsed', parse: (x) => x, default: null },
    ],
    false,
  );
  if (isError(s)) return s;
  return new CLValue(s.cl_type as CLValue['clType'], s.bytes as Uint8Array);
};

const runtimeArgs: FieldParser<RuntimeArgs> = (v) => {
  if (!Array.isArray(v)) return { error: `invalid type: ${unexpected(v)}, expected a sequence` };
  const out: NamedArg[] = [];
  for (const item of v) {
    if (!Array.isArray(item)) return { error: `invalid type: ${unexpected(item)}, expected tuple struct NamedArg` };
    if (item.length !== 2)
      return { error: `invalid length ${item.length}, expected tuple struct NamedArg with 2 elements` };
    const name = str(item[0]);
    if (isError(name)) return name;
    const value = clValue(item[1]);
    if (isError(value)) return value;
    out.push({ name: name as string, value: value as CLValue });
  }
  return out;
};

const entryPointFields = (withHash: boolean, withVersion: boolean) => [
  ...(withHash ? [{ name: 'hash', parse: digest }] : [{ name: 'name', parse: str }]),
  ...(withVersion ? [{ name: 'version', parse: option(u32), default: null }] : []),
  { name: 'entry_point', parse: str },
  { name: 'args', parse: runtimeArgs },
];

const executableDeployItem: FieldParser<ExecutableDeployItem> = (v) => {
  const r = parseEnum<ExecutableDeployItem>(v, 'ExecutableDeployItem', {
    ModuleBytes: (b) => {
      const s = parseStruct(b, 'ModuleBytes', [
        { name: 'module_bytes', parse: hexBytes },
        { name: 'args', parse: runtimeArgs },
      ]);
      if (isError(s)) return s;
      return { kind: 'ModuleBytes', moduleBytes: s.module_bytes as Uint8Array, args: s.args as RuntimeArgs };
    },
    StoredContractByHash: (b) => {
      const s = parseStruct(b, 'StoredContractByHash', entryPointFields(true, false));
      if (isError(s)) return s;
      return {
        kind: 'StoredContractByHash',
        hash: s.hash as Uint8Array,
        entryPoint: s.entry_point as string,
        args: s.args as RuntimeArgs,
      };
    },
    StoredContractByName: (b) => {
      const s = parseStruct(b, 'StoredContractByName', entryPointFields(false, false));
      if (isError(s)) return s;
      return {
        kind: 'StoredContractByName',
        name: s.name as string,
        entryPoint: s.entry_point as string,
        args: s.args as RuntimeArgs,
      };
    },
    StoredVersionedContractByHash: (b) => {
      const s = parseStruct(b, 'StoredVersionedContractByHash', entryPointFields(true, true));
      if (isError(s)) return s;
      return {
        kind: 'StoredVersionedContractByHash',
        hash: s.hash as Uint8Array,
        version: s.version as number | null,
        entryPoint: s.entry_point as string,
        args: s.args as RuntimeArgs,
      };
    },
    StoredVersionedContractByName: (b) => {
      const s = parseStruct(b, 'StoredVersionedContractByName', entryPointFields(false, true));
      if (isError(s)) return s;
      return {
        kind: 'StoredVersionedContractByName',
        name: s.name as string,
        version: s.version as number | null,
        entryPoint: s.entry_point as string,
        args: s.args as RuntimeArgs,
      };
    },
    Transfer: (b) => {
      const s = parseStruct(b, 'Transfer', [{ name: 'args', parse: runtimeArgs }]);
      if (isError(s)) return s;
      return { kind: 'Transfer', args: s.args as RuntimeArgs };
    },
  });
  return isError(r) ? r : (r.value as ExecutableDeployItem);
};

const timestamp: FieldParser<bigint> = map(str, (s): bigint | ParseError => {
  const t = parseTimestamp(s);
  return typeof t === 'bigint' ? t : { error: t.error };
});

const timeDiff: FieldParser<bigint> = map(str, (s): bigint | ParseError => {
  const t = parseDuration(s);
  return typeof t === 'bigint' ? t : { error: t.error };
});

const header: FieldParser<DeployHeader> = (v) => {
  const s = parseStruct(v, 'DeployHeader', [
    { name: 'account', parse: publicKey },
    { name: 'timestamp', parse: timestamp },
    { name: 'ttl', parse: timeDiff },
    { name: 'gas_price', parse: u64 },
    { name: 'body_hash', parse: digest },
    { name: 'dependencies', parse: vec(digest) },
    { name: 'chain_name', parse: str },
  ]);
  if (isError(s)) return s;
  return {
    account: s.account as PublicKey,
    timestamp: s.timestamp as bigint,
    ttl: s.ttl as bigint,
    gasPrice: s.gas_price as bigint,
    bodyHash: s.body_hash as Uint8Array,
    dependencies: s.dependencies as Uint8Array[],
    chainName: s.chain_name as string,
  };
};

const approval: FieldParser<Approval> = (v) => {
  const s = parseStruct(v, 'Approval', [
    { name: 'signer', parse: publicKey },
    { name: 'signature', parse: signature },
  ]);
  if (isError(s)) return s;
  return { signer: s.signer as PublicKey, signature: s.signature as Uint8Array };
};

/** Parses a Deploy from its JSON (serde's rules and messages); approvals become a sorted set. */
export const parseDeployJson: FieldParser<Deploy> = (v) => {
  const s = parseStruct(v, 'Deploy', [
    { name: 'hash', parse: digest },
    { name: 'header', parse: header },
    { name: 'payment', parse: executableDeployItem },
    { name: 'session', parse: executableDeployItem },
    { name: 'approvals', parse: vec(approval) },
  ]);
  if (isError(s)) return s;
  const approvals = [...(s.approvals as Approval[])].sort(compareApprovals);
  const set = approvals.filter((a, i) => i === 0 || compareApprovals(approvals[i - 1], a) !== 0);
  return {
    hash: s.hash as Uint8Array,
    header: s.header as DeployHeader,
    payment: s.payment as ExecutableDeployItem,
    session: s.session as ExecutableDeployItem,
    approvals: set,
  };
};

function compareApprovals(a: Approval, b: Approval): number {
  return comparePublicKeys(a.signer, b.signer) || compareBytes(a.signature, b.signature);
}

// ---------------------------------------------------------------- Deploy → JSON

function argsToJson(args: RuntimeArgs): JsonValue {
  return args.map((a) => [a.name, clValueToJson(a.value)]);
}

/** ExecutableDeployItem → JSON. */
export function itemToJson(item: ExecutableDeployItem): JsonValue {
  switch (item.kind) {
    case 'ModuleBytes':
      return { ModuleBytes: { module_bytes: bytesToHex(item.moduleBytes), args: argsToJson(item.args) } };
    case 'StoredContractByHash':
      return {
        StoredContractByHash: {
          hash: bytesToHex(item.hash),
          entry_point: item.entryPoint,
          args: argsToJson(item.args),
        },
      };
    case 'StoredContractByName':
      return { StoredContractByName: { name: item.name, entry_point: item.entryPoint, args: argsToJson(item.args) } };
    case 'StoredVersionedContractByHash':
      return {
        StoredVersionedContractByHash: {
          hash: bytesToHex(item.hash),
          version: item.version,
          entry_point: item.entryPoint,
          args: argsToJson(item.args),
        },
      };
    case 'StoredVersionedContractByName':
      return {
        StoredVersionedContractByName: {
          name: item.name,
          version: item.version,
          entry_point: item.entryPoint,
          args: argsToJson(item.args),
        },
      };
    case 'Transfer':
      return { Transfer: { args: argsToJson(item.args) } };
  }
}

/** Signature hex (tag byte + bytes). */
export function signatureHex(sig: Uint8Array): string {
  return bytesToHex(sig);
}

/** The Deploy's JSON, as the node serializes it (field order of the struct). */
export function deployToJson(d: Deploy): JsonValue {
  return {
    hash: bytesToHex(d.hash),
    header: {
      account: publicKeyToHex(d.header.account),
      timestamp: formatTimestamp(d.header.timestamp),
      ttl: formatDuration(d.header.ttl),
      gas_price: d.header.gasPrice <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(d.header.gasPrice) : d.header.gasPrice,
      body_hash: bytesToHex(d.header.bodyHash),
      dependencies: d.header.dependencies.map((x) => bytesToHex(x)),
      chain_name: d.header.chainName,
    },
    payment: itemToJson(d.payment),
    session: itemToJson(d.session),
    approvals: d.approvals.map((a) => ({ signer: publicKeyToHex(a.signer), signature: signatureHex(a.signature) })),
  };
}

// ---------------------------------------------------------------- bytes

function writeItem(w: Writer, item: ExecutableDeployItem): void {
  const ver = (v: number | null) => {
    if (v === null) w.u8(0);
    else w.u8(1).u32(v);
  };
  switch (item.kind) {
    case 'ModuleBytes':
      w.u8(0).bytes(item.moduleBytes);
      break;
    case 'StoredContractByHash':
      w.u8(1).fixed(item.hash, 32).string(item.entryPoint);
      break;
    case 'StoredContractByName':
      w.u8(2).string(item.name).string(item.entryPoint);
      break;
    case 'StoredVersionedContractByHash':
      w.u8(3).fixed(item.hash, 32);
      ver(item.version);
      w.string(item.entryPoint);
      break;
    case 'StoredVersionedContractByName':
      w.u8(4).string(item.name);
      ver(item.version);
      w.string(item.entryPoint);
      break;
    case 'Transfer':
      w.u8(5);
      break;
  }
  writeRuntimeArgs(w, item.args);
}

/** ExecutableDeployItem bytes. */
export function itemBytes(item: ExecutableDeployItem): Uint8Array {
  const w = new Writer(64);
  writeItem(w, item);
  return w.finish();
}

/** DeployHeader bytes (the deploy hash is blake2b of these). */
export function headerBytes(h: DeployHeader): Uint8Array {
  const w = new Writer(128);
  writePublicKey(w, h.account);
  w.u64(h.timestamp).u64(h.ttl).u64(h.gasPrice).fixed(h.bodyHash, 32);
  w.u32(h.dependencies.length);
  for (const d of h.dependencies) w.fixed(d, 32);
  w.string(h.chainName);
  return w.finish();
}

/** `serialize_body`: payment bytes ‖ session bytes (the body hash is blake2b of these). */
export function bodyBytes(payment: ExecutableDeployItem, session: ExecutableDeployItem): Uint8Array {
  const w = new Writer(128);
  writeItem(w, payment);
  writeItem(w, session);
  return w.finish();
}

/** `Deploy::serialized_length`: header ‖ hash ‖ payment ‖ session ‖ approvals. */
export function deploySerializedLength(d: Deploy): number {
  let approvals = 4;
  for (const a of d.approvals) approvals += 1 + PUBLIC_KEY_RAW_LENGTH[a.signer.tag] + a.signature.length;
  return headerBytes(d.header).length + 32 + itemBytes(d.payment).length + itemBytes(d.session).length + approvals;
}

function argsSerializedLength(args: RuntimeArgs): number {
  const w = new Writer(64);
  writeRuntimeArgs(w, args);
  return w.finish().length;
}

// ---------------------------------------------------------------- checks

/** `DeployConfigurationFailure` as the node displays it. */
export class DeployConfigurationFailure extends Error {}

function fail(msg: string): DeployConfigurationFailure {
  return new DeployConfigurationFailure(msg);
}

function argAmount(args: RuntimeArgs): CLValue | undefined {
  return args.find((a) => a.name === 'amount')?.value;
}

/**
 * `Deploy::is_config_compliant` at node time `now` (ms): the first failure, in the node's order,
 * or undefined.
 */
export function configFailure(
  d: Deploy,
  chainName: string,
  cfg: DeployConfig,
  now: bigint,
): DeployConfigurationFailure | undefined {
  const size = deploySerializedLength(d);
  if (size > cfg.maxDeploySize) {
    return fail(`deploy size too large: deploy size of ${size} bytes exceeds limit of ${cfg.maxDeploySize}`);
  }
  const h = d.header;
  if (h.chainName !== chainName) return fail(`invalid chain name: expected ${chainName}, got ${h.chainName}`);
  if (h.dependencies.length > cfg.maxDependencies) {
    return fail(`${h.dependencies.length} dependencies exceeds limit of ${cfg.maxDependencies}`);
  }
  if (h.ttl > cfg.maxTtl) {
    return fail(`time-to-live of ${formatDuration(h.ttl)} exceeds limit of ${formatDuration(cfg.maxTtl)}`);
  }
  if (h.timestamp > now + cfg.timestampLeeway) {
    return fail(
      `timestamp of ${formatTimestamp(h.timestamp)} is later than node's validation timestamp of ${formatTimestamp(now)} plus leeway of ${formatDuration(cfg.timestampLeeway)}`,
    );
  }
  if (d.approvals.length > cfg.maxAssociatedKeys) {
    return fail(`number of associated keys ${d.approvals.length} exceeds the maximum ${cfg.maxAssociatedKeys}`);
  }
  if (d.session.kind !== 'Transfer') {
    const value = argAmount(d.payment.args);
    if (!value) return fail("missing payment 'amount' runtime argument ");
    const amount = value.asU512();
    if (!amount.ok) return fail("failed to parse payment 'amount' as U512");
    if (amount.value > cfg.blockGasLimit) {
      return fail(`payment amount of ${amount.value} exceeds the block gas limit of ${cfg.blockGasLimit}`);
    }
  }
  const paymentArgs = argsSerializedLength(d.payment.args);
  if (paymentArgs > cfg.paymentArgsMaxLength) {
    return fail(`serialized payment code runtime args of ${paymentArgs} exceeds limit of ${cfg.paymentArgsMaxLength}`);
  }
  const sessionArgs = argsSerializedLength(d.session.args);
  if (sessionArgs > cfg.sessionArgsMaxLength) {
    return fail(`serialized session code runtime args of ${sessionArgs} exceeds limit of ${cfg.sessionArgsMaxLength}`);
  }
  if (d.session.kind === 'Transfer') {
    const value = argAmount(d.session.args);
    if (!value) return fail("missing transfer 'amount' runtime argument");
    const amount = value.asU512();
    if (!amount.ok) return fail("failed to parse transfer 'amount' as U512");
    if (amount.value < cfg.nativeTransferMinimumMotes) {
      return fail(
        `insufficient transfer amount; minimum: ${cfg.nativeTransferMinimumMotes} attempted: ${amount.value}`,
      );
    }
  }
  return undefined;
}

/** `validate_deploy` (`Deploy::is_valid`): approvals, body hash, deploy hash, signatures. */
export function validityFailure(d: Deploy): DeployConfigurationFailure | undefined {
  if (d.approvals.length === 0) return fail('the deploy has no approvals');
  if (compareBytes(blake2b256(bodyBytes(d.payment, d.session)), d.header.bodyHash) !== 0) {
    return fail('the provided body hash does not match the actual hash of the body');
  }
  if (compareBytes(blake2b256(headerBytes(d.header)), d.hash) !== 0) {
    return fail('the provided hash does not match the actual hash of the deploy');
  }
  for (let i = 0; i < d.approvals.length; i++) {
    const err = verifySignature(d.hash, d.approvals[i]);
    if (err) return fail(`the approval at index ${i} is invalid: ${err}`);
  }
  return undefined;
}

/** `crypto::verify`: undefined when valid, else the error text (casper_types::crypto::Error). */
export function verifySignature(message: Uint8Array, a: Approval): string | undefined {
  const sigTag = a.signature[0];
  const sig = a.signature.subarray(1);
  if (sigTag === 0) return 'asymmetric key error: signatures based on the system key cannot be verified';
  if (sigTag !== a.signer.tag) {
    const sigName = sigTag === 1 ? 'Ed25519' : 'Secp256k1';
    const keyName = a.signer.tag === 1 ? 'Ed25519' : a.signer.tag === 2 ? 'Secp256k1' : 'System';
    const keyText = a.signer.tag === 0 ? 'PubKey::System' : `PubKey::${keyName}(${hexFmt10(a.signer.raw)})`;
    return `asymmetric key error: type mismatch between Sig::${sigName}(${hexFmt10(sig)}) and ${keyText}`;
  }
  if (sigTag === 1) {
    let ok = false;
    try {
      ok = ed25519.verify(sig, message, a.signer.raw, { zip215: false });
    } catch {
      ok = false;
    }
    return ok ? undefined : 'asymmetric key error: failed to verify Ed25519 signature';
  }
  let ok = false;
  try {
    ok = secp256k1.verify(sig, sha256(message), a.signer.raw, { lowS: true, prehash: false });
  } catch {
    ok = false;
  }
  return ok ? undefined : 'asymmetric key error: failed to verify secp256k1 signature: signature error';
}

/** The `amount` arg of standard payment (module bytes empty), if it is a valid U512. */
export function standardPaymentAmount(d: Deploy): bigint | undefined {
  if (d.payment.kind !== 'ModuleBytes' || d.payment.moduleBytes.length !== 0) return undefined;
  const v = argAmount(d.payment.args)?.asU512();
  return v?.ok ? v.value : undefined;
}

export type { ParseError };
