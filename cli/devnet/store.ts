/**
 * Persistence of a devnet (`--state <file>`): the global state in `<file>` (a
 * runtime/state/snapshot.ts snapshot) and the chain beside it in `<file>.index.json` — blocks
 * (with their undo logs), deploys as the node returns them, and their execution results. Both
 * are written atomically after every accepted deploy; the index records the state root hash of
 * the snapshot it belongs to, and loading checks that they match.
 */

import { existsSync, readFileSync } from 'node:fs';
import { loadSnapshot, saveSnapshot, SnapshotError, writeFileAtomic } from '../../runtime/state/snapshot';
import { bytesToHex, hexToBytes } from '../../runtime/types/bytes';
import { parsePublicKeyHex } from './cljson';
import { parseDeployJson, deployToJson } from './deploy';
import { isObject, type JsonValue, parseJson, stringifyJson } from './json';
import { type BlockRecord, type DeployRecord, DevnetNode, undoFromJson, undoToJson } from './node';
import { isError } from './params';

/** Index file format version. */
export const INDEX_VERSION = 1;
const INDEX_FORMAT = 'casper-as devnet index';

/** A state file or index that cannot be used; the message is one line. */
export class DevnetStateError extends Error {}

/** The index file beside a state file. */
export function indexPathOf(statePath: string): string {
  return `${statePath}.index.json`;
}

/** True when a saved devnet exists at `statePath`. */
export function hasSavedDevnet(statePath: string): boolean {
  return existsSync(statePath) || existsSync(indexPathOf(statePath));
}

/** Writes `node`'s state and index (each atomically). */
export function saveDevnet(node: DevnetNode, statePath: string): void {
  saveSnapshot(statePath, node.env.state);
  const index = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    chain_name: node.chainName,
    state_root_hash: bytesToHex(node.latest.stateRootHash),
    blocks: node.blocks.map((b) => ({
      hash: bytesToHex(b.hash),
      parent_hash: bytesToHex(b.parentHash),
      state_root_hash: bytesToHex(b.stateRootHash),
      body_hash: bytesToHex(b.bodyHash),
      random_bit: b.randomBit,
      accumulated_seed: bytesToHex(b.accumulatedSeed),
      timestamp: b.timestamp.toString(),
      era_id: b.eraId.toString(),
      height: b.height,
      proposer: bytesToHex(Uint8Array.of(b.proposer.tag, ...b.proposer.raw)),
      deploy_hashes: b.deployHashes.map((h) => bytesToHex(h)),
      transfer_hashes: b.transferHashes.map((h) => bytesToHex(h)),
      proof: bytesToHex(b.proof),
      undo: undoToJson(b.undo),
    })),
    deploys: [...node.deploys.values()].map((r) => ({
      deploy: deployToJson(r.deploy),
      block_hash: bytesToHex(r.blockHash),
      block_height: r.blockHeight,
      result: r.result,
    })),
  };
  writeFileAtomic(indexPathOf(statePath), `${stringifyJson(index)}\n`);
}

/** Loads the devnet saved at `statePath`. Throws DevnetStateError (one line) for a bad file. */
export function loadDevnet(statePath: string, options: { now?: () => number } = {}): DevnetNode {
  const indexPath = indexPathOf(statePath);
  if (!existsSync(statePath)) throw new DevnetStateError(`${statePath}: missing (its index ${indexPath} exists)`);
  if (!existsSync(indexPath)) throw new DevnetStateError(`${indexPath}: missing (the state file ${statePath} exists)`);
  let state;
  try {
    state = loadSnapshot(statePath);
  } catch (e) {
    if (e instanceof SnapshotError) throw new DevnetStateError(e.message);
    throw e;
  }
  const bad = (what: string) => new DevnetStateError(`${indexPath}: ${what}`);
  let index: JsonValue;
  try {
    index = parseJson(readFileSync(indexPath, 'utf8'));
  } catch (e) {
    throw bad(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(index) || index.format !== INDEX_FORMAT) throw bad('not a casper-as devnet index');
  if (index.version !== INDEX_VERSION) {
    throw bad(`index version ${String(index.version)} is not supported (this build reads version ${INDEX_VERSION})`);
  }
  if (typeof index.chain_name !== 'string' || !Array.isArray(index.blocks) || !Array.isArray(index.deploys)) {
    throw bad('missing chain_name, blocks or deploys');
  }
  const root = state.stateRoot();
  if (index.state_root_hash !== root) {
    throw bad(
      `belongs to state root ${String(index.state_root_hash)} but ${statePath} has state root ${root}: the two files were not saved together`,
    );
  }
  const blocks: BlockRecord[] = [];
  try {
    for (const [i, b] of index.blocks.entries()) {
      if (!isObject(b)) throw new Error(`block ${i} is not an object`);
      const h = (k: string) => hexToBytes(String(b[k]));
      const proposer = parsePublicKeyHex(String(b.proposer));
      if ('error' in proposer) throw new Error(`block ${i}: bad proposer`);
      if (b.height !== i) throw new Error(`block ${i} has height ${String(b.height)}`);
      blocks.push({
        hash: h('hash'),
        parentHash: h('parent_hash'),
        stateRootHash: h('state_root_hash'),
        bodyHash: h('body_hash'),
        randomBit: b.random_bit === true,
        accumulatedSeed: h('accumulated_seed'),
        timestamp: BigInt(String(b.timestamp)),
        eraId: BigInt(String(b.era_id)),
        height: i,
        proposer,
        deployHashes: (b.deploy_hashes as string[]).map(hexToBytes),
        transferHashes: (b.transfer_hashes as string[]).map(hexToBytes),
        proof: h('proof'),
        undo: undoFromJson(b.undo),
      });
    }
  } catch (e) {
    throw bad(e instanceof Error ? e.message : String(e));
  }
  if (blocks.length === 0) throw bad('has no blocks');
  const deploys = new Map<string, DeployRecord>();
  for (const [i, r] of index.deploys.entries()) {
    if (!isObject(r)) throw bad(`deploy ${i} is not an object`);
    const deploy = parseDeployJson(r.deploy);
    if (isError(deploy)) throw bad(`deploy ${i} does not parse: ${deploy.error}`);
    deploys.set(bytesToHex(deploy.hash), {
      deploy,
      blockHash: hexToBytes(String(r.block_hash)),
      blockHeight: Number(r.block_height),
      result: r.result,
    });
  }
  return DevnetNode.restore(state, index.chain_name, blocks, deploys, options);
}
