// run / estimate: the session as a whole deploy in a fresh emulator; the exact error with the
// AssemblyScript line from the debug build; gas, cost and effects; the payment to pass.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Args, CLValue as SdkCLValue } from 'casper-js-sdk';
import { TestEnv } from '../../runtime';
import { cli, FLOAT_SESSION, tempDir } from './helpers';

const TARGET_HEX = '11'.repeat(32);
const TARGET = `target:account_hash='account-hash-${TARGET_HEX}'`;
const AMOUNT = "amount:u512='2500000000'";
const grouped = (n: number | bigint) => BigInt(n).toLocaleString('en-US');

function sdkArgs(): Args {
  return Args.fromMap({
    target: SdkCLValue.newCLByteArray(Buffer.from(TARGET_HEX, 'hex')),
    amount: SdkCLValue.newCLUInt512(2_500_000_000n),
  });
}

/** Line and column (1-based) of `needle` in sessions/<name>.ts. */
function sourcePosition(name: string, needle: string): string {
  const lines = readFileSync(join(__dirname, '../../sessions', `${name}.ts`), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `sessions/${name}.ts:${line + 1}:${lines[line].indexOf(needle) + 1}`;
}

test('a successful deploy: gas, cost and the effects table (the numbers the emulator reports)', async () => {
  const expected = new TestEnv().runDeploy({ session: { wasm: 'transfer-to-account', args: sdkArgs() } });
  const r = await cli('run', 'transfer-to-account', '--session-arg', TARGET, '--session-arg', AMOUNT);
  expect(r.code).toBe(0);
  expect(r.err).toBe('');
  const lines = r.out.split('\n');
  expect(lines.slice(0, 4)).toEqual([
    'transfer-to-account: success',
    `gas used   ${grouped(expected.gasUsed)} (payment ${grouped(expected.paymentGasUsed)}, session ${grouped(expected.sessionGasUsed!)})`,
    `cost       ${grouped(expected.cost)} motes at gas price 1`,
    'transfers  1',
  ]);
  const changes = expected.effects.filter((t) => t.kind !== 'Identity').length;
  expect(lines[4]).toBe(`effects    ${changes} writes/adds, ${expected.effects.length - changes} keys read`);
  expect(lines[5]).toMatch(/^ {2}key +transform +value$/);
  expect(lines).toContainEqual(
    expect.stringMatching(new RegExp(`^  account-hash-${TARGET_HEX} +Write +Account, 0 named keys$`)),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(/^ {2}transfer-[0-9a-f]{64} +Write +Transfer of 2,500,000,000 motes$/),
  );
  expect(r.out.endsWith('\n')).toBe(true);
});

test('a revert: the node error, the ApiError name and code, the session line from the debug build; exit 1', async () => {
  const r = await cli('run', 'transfer-to-account', '-a', AMOUNT);
  expect(r.code).toBe(1);
  expect(r.err).toBe('');
  const lines = r.out.split('\n');
  expect(lines.slice(0, 3)).toEqual([
    'transfer-to-account: failed',
    'error      Revert: ApiError::MissingArgument [2]',
    'api error  MissingArgument (code 2)',
  ]);
  const at = sourcePosition('transfer-to-account', 'runtime.getNamedArg<AccountHash>(ARG_TARGET)');
  expect(lines[3]).toMatch(new RegExp(`^source     ${at} \\(in assembly/[a-z_]+\\.ts:\\d+:\\d+\\)$`));
  expect(lines[4]).toMatch(/^gas used {3}[0-9,]+ \(payment [0-9,]+, session [0-9,]+\)$/);
});

test('an error raised in a called contract points at the session line that called it', async () => {
  const r = await cli(
    'run',
    'donation-count',
    '-a',
    `fundraiser_contract_hash:byte_array_32='${'22'.repeat(32)}'`,
    '-a',
    `donating_account_key:key='account-hash-${TARGET_HEX}'`,
  );
  expect(r.code).toBe(1);
  const lines = r.out.split('\n');
  expect(lines[1]).toBe(`error      KeyNotFound: Key Key::Hash(${'22'.repeat(32)}) not found`);
  expect(lines[2]).toMatch(
    new RegExp(`^source     ${sourcePosition('donation-count', 'runtime.callContract<u64>(')} \\(in assembly/`),
  );
});

test('without a debug build the source line is left out; out of gas reports GasLimit', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const wasm = join(dir, 'copy.wasm');
    copyFileSync(join(__dirname, '../../build/transfer-to-account.wasm'), wasm);
    const revert = await cli('run', wasm);
    expect(revert.code).toBe(1);
    expect(revert.out.split('\n').slice(0, 4)).toEqual([
      'copy: failed',
      'error      Revert: ApiError::MissingArgument [2]',
      'api error  MissingArgument (code 2)',
      expect.stringMatching(/^gas used /),
    ]);
    const gas = await cli('run', 'transfer-to-account', '-a', TARGET, '-a', AMOUNT, '--payment-amount', '2500000000');
    expect(gas.code).toBe(1);
    expect(gas.out.split('\n').slice(0, 4)).toEqual([
      'transfer-to-account: failed',
      'error      GasLimit: Out of gas error',
      'gas used   2,500,000,000 (payment 0, session 2,500,000,000)',
      'cost       2,500,000,000 motes at gas price 1',
    ]);
  } finally {
    cleanup();
  }
});

test('estimate: the payment amount is the cost plus the margin (never below 2.5 CSPR)', async () => {
  const e = new TestEnv().estimate({ session: { wasm: 'transfer-to-account', args: sdkArgs() } }, { margin: 0.2 });
  const r = await cli('estimate', 'transfer-to-account', '-a', TARGET, '-a', AMOUNT, '--margin', '20');
  expect(r).toEqual({
    code: 0,
    out: [
      'transfer-to-account: success',
      `gas used   ${grouped(e.gasUsed)} (payment ${grouped(e.result.paymentGasUsed)}, session ${grouped(e.result.sessionGasUsed!)})`,
      `cost       ${grouped(e.cost)} motes at gas price 1`,
      `payment    ${grouped(e.paymentAmount)} motes (cost + 20 %, at least 2,500,000,000)`,
      `--payment-amount ${e.paymentAmount}`,
      '',
    ].join('\n'),
    err: '',
  });
  const failing = await cli('estimate', 'transfer-to-account');
  expect(failing.code).toBe(1);
  expect(failing.out).toContain('\nno payment amount: the deploy fails, whatever it pays\n');
});

test('the deploy account can be a key of your own (funded at genesis)', async () => {
  const { dir, cleanup } = tempDir();
  try {
    expect((await cli('keygen', dir)).code).toBe(0);
    const r = await cli(
      'run',
      'transfer-to-account',
      '-a',
      TARGET,
      '-a',
      AMOUNT,
      '--session-account',
      join(dir, 'public_key_hex'),
    );
    expect(r.code).toBe(0);
    expect(
      (await cli('run', 'transfer-to-account', '-a', TARGET, '-a', AMOUNT, '-k', join(dir, 'secret_key.pem'))).out,
    ).toBe(r.out);
  } finally {
    cleanup();
  }
});

test('bad input: a Wasm the node would reject, an unknown session, a bad arg, a bad margin (exit code 2)', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const wasm = join(dir, 'float.wasm');
    writeFileSync(wasm, FLOAT_SESSION);
    expect(await cli('run', wasm)).toEqual({
      code: 2,
      out: '',
      err: `casper-as: ${wasm}: the node would reject this Wasm: OperationForbiddenByGasRules (function 0, offset 0x26): Wasm preprocessing error: Encountered operation forbidden by gas rules. Consult instruction -> metering config map [function 0 is float_fn]\n`,
    });
    expect(await cli('run', 'no-such-session')).toEqual({
      code: 2,
      out: '',
      err: "casper-as: no file 'no-such-session' and no session named 'no-such-session' (sessions/no-such-session.ts)\n",
    });
    expect(await cli('run', 'transfer-to-account', '-a', 'amount:u512')).toEqual({
      code: 2,
      out: '',
      err: `casper-as: --session-arg "amount:u512": should be formatted as "NAME:TYPE='VALUE'" or "NAME:TYPE=null"; no '=' after the type (at character 12 (end))\n`,
    });
    expect(await cli('estimate', 'transfer-to-account', '--margin', 'ten')).toEqual({
      code: 2,
      out: '',
      err: "casper-as: --margin 'ten' is not a percentage (e.g. 10 or 12.5)\n",
    });
    expect(await cli('run')).toEqual({
      code: 2,
      out: '',
      err: 'casper-as: the following required arguments were not provided: <WASM|NAME>\n',
    });
  } finally {
    cleanup();
  }
});

test('--state: against a devnet’s saved state, which is left as it was', async () => {
  const { DevnetNode } = require('../../cli/devnet/node') as typeof import('../../cli/devnet/node');
  const { saveDevnet } = require('../../cli/devnet/store') as typeof import('../../cli/devnet/store');
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'chain.state');
    saveDevnet(DevnetNode.genesis(), path);
    const before = readFileSync(path);
    const r = await cli('run', 'transfer-to-account', '-a', TARGET, '-a', AMOUNT, '--state', path);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('transfer-to-account: success');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(await cli('run', 'transfer-to-account', '--state', join(dir, 'none.state'))).toEqual({
      code: 2,
      out: '',
      err: `casper-as: --state ${join(dir, 'none.state')}: no devnet state saved there\n`,
    });
  } finally {
    cleanup();
  }
});
