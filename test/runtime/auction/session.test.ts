// The auction reached from session Wasm through casper_call_contract (WAT sessions), and from
// stored code: the caller checks on the immediate caller frame, host gas plus the auction cost,
// the returned values, and the spending limit as the node leaves it after an auction call.
import { callContract } from '../../../runtime/engine/call';
import type { TestEnv } from '../../../runtime/env';
import { installStub } from '../../../runtime/stubs';
import { AuctionErrorCode as A, MintErrorCode } from '../../../runtime/types/api-error';
import { bytesToHex } from '../../../runtime/types/bytes';
import { toBytes } from '../../../runtime/types/bytesrepr';
import { CLValue } from '../../../runtime/types/clvalue';
import { publicKeyToHex } from '../../../runtime/types/public-key';
import { encodeRuntimeArgs, type RuntimeArgs } from '../../../runtime/types/runtime-args';
import { hostGasEnv } from '../../helpers/env';
import { dumped, session } from '../../helpers/wat-session';
import {
  BALANCE,
  balanceOf,
  BIG_COST,
  CSPR,
  D,
  delegation,
  delegationArgs,
  expectRevert,
  hashOf,
  SMALL_COST,
  V1,
  V1_BOND,
  V2,
  V2_BOND,
} from './fixtures';

function env(): TestEnv {
  return hostGasEnv({
    validators: [
      { publicKey: V1, bondedAmount: V1_BOND, delegationRate: 10 },
      { publicKey: V2, bondedAmount: V2_BOND, delegationRate: 5 },
    ],
    accounts: [{ publicKey: D, balance: BALANCE }],
  });
}

/** A session calling the auction's entry points in turn (optionally dumping the last result). */
async function auctionCalls(
  calls: ReadonlyArray<{ ep: string; args: RuntimeArgs }>,
  dump = false,
): Promise<Uint8Array> {
  const data: Array<[number, Uint8Array]> = [];
  let body = '(call $check (call $casper_get_system_contract (i32.const 3) (i32.const 0) (i32.const 32)))\n';
  calls.forEach(({ ep, args }, i) => {
    const name = toBytes(ep, (w, v) => w.string(v));
    const bytes = encodeRuntimeArgs(args);
    const at = 1000 + i * 700;
    data.push([at, name], [at + 64, bytes]);
    body += `(call $check (call $casper_call_contract (i32.const 0) (i32.const 32) (i32.const ${at}) (i32.const ${name.length}) (i32.const ${at + 64}) (i32.const ${bytes.length}) (i32.const 40)))\n`;
    // Drain the host buffer as the SDK's call_contract does (else the next call: HostBufferFull).
    if (i < calls.length - 1 || !dump) {
      body +=
        '(call $check (call $casper_read_host_buffer (i32.const 3600) (i32.load (i32.const 40)) (i32.const 44)))\n';
    }
  });
  if (dump) body += '(call $dumpbuf)';
  return session(body, data);
}

/** call_contract's host cost for `ep` with `args` (chainspec: 300 000 000 + 120 000 × (name + args bytes)). */
function callContractCost(ep: string, args: RuntimeArgs): number {
  return 300_000_000 + 120_000 * (4 + ep.length + encodeRuntimeArgs(args).length);
}

const GET_SYSTEM_CONTRACT = 1_100;
/** read_host_buffer of `n` bytes: 3 500 + 310 × n. */
const readHostBuffer = (n: number) => 3_500 + 310 * n;

it('delegate from session code: get_system_contract + call_contract + 2.5 CSPR of gas, exactly', async () => {
  const e = env();
  const args = delegationArgs(D, V1, 600n * CSPR);
  const r = e.runSession({
    wasm: await auctionCalls([{ ep: 'delegate', args }]),
    caller: hashOf(D),
    args: [{ name: 'amount', value: CLValue.u512(600n * CSPR) }],
  });
  expect(r.success).toBe(true);
  expect(encodeRuntimeArgs(args).length).toBe(127);
  // the result, U512 600 CSPR, is 6 bytes
  expect(r.gasUsed).toBe(GET_SYSTEM_CONTRACT + callContractCost('delegate', args) + BIG_COST + readHostBuffer(6));
  expect(r.gasUsed).toBe(2_816_686_460);
  expect(delegation(e, V1, D)?.stakedAmount).toBe(600n * CSPR);
  expect(balanceOf(e, D)).toBe(BALANCE - 600n * CSPR);
  expect(r.transfers).toHaveLength(1);
});

it("the spending limit: above the session's `amount` → Mint(UnapprovedSpendingAmount); not reduced by the auction", async () => {
  const e = env();
  const args = delegationArgs(D, V1, 600n * CSPR);
  const root = e.stateRoot();
  const over = e.runSession({
    wasm: await auctionCalls([{ ep: 'delegate', args }]),
    caller: hashOf(D),
    args: [{ name: 'amount', value: CLValue.u512(600n * CSPR - 1n) }],
  });
  expectRevert(over, MintErrorCode.UnapprovedSpendingAmount);
  expect(MintErrorCode.UnapprovedSpendingAmount).toBe(65045);
  expect(e.stateRoot()).toBe(root);
  // call_host_auction does not copy the auction runtime's remaining limit back to the session:
  // two delegations of the whole approved amount both pass.
  const twice = e.runSession({
    wasm: await auctionCalls([
      { ep: 'delegate', args },
      { ep: 'delegate', args },
    ]),
    caller: hashOf(D),
    args: [{ name: 'amount', value: CLValue.u512(600n * CSPR) }],
  });
  expect(twice.success).toBe(true);
  expect(delegation(e, V1, D)?.stakedAmount).toBe(1200n * CSPR);
  expect(balanceOf(e, D)).toBe(BALANCE - 1200n * CSPR);
});

it('an auction error reverts the whole session (nothing committed)', async () => {
  const e = env();
  const root = e.stateRoot();
  const r = e.runSession({
    wasm: await auctionCalls([
      { ep: 'delegate', args: delegationArgs(D, V1, 600n * CSPR) },
      { ep: 'undelegate', args: delegationArgs(D, V2, 1n) },
    ]),
    caller: hashOf(D),
    args: [{ name: 'amount', value: CLValue.u512(600n * CSPR) }],
  });
  expectRevert(r, A.DelegatorNotFound);
  expect(e.stateRoot()).toBe(root);
});

it('read_era_id returns the era as U64; get_era_validators returns Map(U64, Map(PublicKey, U512))', async () => {
  const e = env();
  e.advanceEras(2);
  const era = e.runSession({ wasm: await auctionCalls([{ ep: 'read_era_id', args: [] }], true) });
  expect(era.success).toBe(true);
  expect(bytesToHex(dumped(e))).toBe('0200000000000000');
  const ev = e.runSession({ wasm: await auctionCalls([{ ep: 'get_era_validators', args: [] }], true) });
  expect(ev.success).toBe(true);
  const [first, second] = Buffer.compare(Buffer.from(V1.raw), Buffer.from(V2.raw)) < 0 ? [V1, V2] : [V2, V1];
  const stake = (k: typeof V1) => publicKeyToHex(k) + (k === V1 ? '070080c6a47e8d03' : '0700008d49fd1a07');
  const eraHex = (n: number) => '0' + n + '00000000000000' + '02000000' + stake(first) + stake(second);
  expect(bytesToHex(dumped(e))).toBe('02000000' + eraHex(2) + eraHex(3));
});

it('read_era_id costs the call plus 10,000', async () => {
  const e = env();
  const r = e.runSession({ wasm: await auctionCalls([{ ep: 'read_era_id', args: [] }]) });
  expect(r.gasUsed).toBe(GET_SYSTEM_CONTRACT + callContractCost('read_era_id', []) + SMALL_COST + readHostBuffer(8));
});

describe('the immediate caller must be the key owner’s Session frame', () => {
  function viaStub(e: TestEnv, session: boolean) {
    const stub = installStub(e, {
      entryPoints: {
        go: (args, { runtime }) =>
          callContract(runtime, { kind: 'contract', contractHash: e.services.system.auction }, 'delegate', args),
      },
      sessionEntryPoints: session ? ['go'] : [],
    });
    const root = e.stateRoot();
    const r = e.runStoredContract({
      caller: hashOf(D),
      target: { contractHash: stub.contractHash },
      entryPoint: 'go',
      args: delegationArgs(D, V1, 600n * CSPR),
    });
    expect(e.stateRoot()).toBe(root);
    return r;
  }

  it('a stored contract calling delegate for the deploy account → InvalidContext (14)', () => {
    const e = env();
    const r = viaStub(e, false);
    expectRevert(r, A.InvalidContext);
    expect(r.gasUsed).toBe(BIG_COST);
  });

  it('stored session code (a StoredSession frame) → InvalidContext too', () => {
    const e = env();
    expectRevert(viaStub(e, true), A.InvalidContext);
  });
});
