// The installed command (bin/casper-as.cjs) as a child process: one line and an exit code for bad
// input, never a stack trace; and new → build → the scaffold's own test, in a temporary copy of
// the project (node_modules linked), so the repository is left untouched.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

function run(cwd: string, args: string[], timeout = 120_000) {
  const r = spawnSync(process.execPath, [join(cwd, 'bin/casper-as.cjs'), ...args], { cwd, encoding: 'utf8', timeout });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('bad input: exactly one line on stderr, nothing on stdout, the exit code', () => {
  expect(run(ROOT, ['run', 'transfer-to-account', '--session-arg', 'amount:u512=5'])).toEqual({
    code: 2,
    out: '',
    err: `casper-as: --session-arg "amount:u512=5": value should be surrounded by single quotes ('VALUE') unless it is null for an opt_ type (at character 13 '5')\n`,
  });
  expect(run(ROOT, ['deploy'])).toEqual({
    code: 2,
    out: '',
    err: "casper-as: unrecognized subcommand 'deploy' (see 'casper-as --help')\n",
  });
  expect(run(ROOT, ['send-deploy', '-i', join(ROOT, 'no-such-deploy.json')])).toEqual({
    code: 2,
    out: '',
    err: `casper-as: --input ${join(ROOT, 'no-such-deploy.json')}: no such file\n`,
  });
});

test('--help lists the commands; a command --help lists its casper-client flags', () => {
  const help = run(ROOT, ['--help']);
  expect(help.code).toBe(0);
  for (const c of [
    'new',
    'build',
    'run',
    'estimate',
    'make-deploy',
    'sign-deploy',
    'send-deploy',
    'put-deploy',
    'keygen',
    'devnet',
  ]) {
    expect(help.out).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
  }
  const make = run(ROOT, ['make-deploy', '--help']);
  expect(make.code).toBe(0);
  for (const f of [
    '-o, --output <PATH>',
    '-k, --secret-key <PATH>',
    '--chain-name <NAME>',
    '-s, --session-path <PATH>',
    `-a, --session-arg <"NAME:TYPE='VALUE'" OR "NAME:TYPE=null">`,
    '--session-args-json <JSON ARRAY>',
    '-p, --payment-amount <AMOUNT>',
    '--ttl <DURATION>',
    '-g, --gas-price <INTEGER>',
    '--transaction',
  ]) {
    expect(make.out).toContain(f);
  }
  expect(make.out).toContain('[default: 30min]');
});

test('new → build → the scaffold’s test passes (in a temporary copy of the project)', () => {
  const copy = mkdtempSync(join(tmpdir(), 'casper-as-scaffold-'));
  try {
    for (const p of [
      'assembly',
      'bin',
      'cli',
      'runtime',
      'scripts',
      'asconfig.json',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'jest.config.cjs',
    ]) {
      cpSync(join(ROOT, p), join(copy, p), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');

    const made = run(copy, ['new', 'my-counter']);
    expect(made).toEqual({
      code: 0,
      out: 'Created sessions/my-counter.ts and test/sessions/my-counter.test.ts\nNext: casper-as build my-counter && npx jest test/sessions/my-counter.test.ts\n',
      err: '',
    });
    expect(readFileSync(join(copy, 'sessions/my-counter.ts'), 'utf8')).toContain("const NAMED_KEY = 'my-counter';");
    expect(run(copy, ['new', 'my-counter'])).toEqual({
      code: 2,
      out: '',
      err: `casper-as: file at ${join(copy, 'sessions/my-counter.ts')} already exists\n`,
    });
    expect(run(copy, ['new', 'My Counter'])).toEqual({
      code: 2,
      out: '',
      err: "casper-as: invalid session name 'My Counter': use lowercase letters and digits, words joined by '-' or '_' (e.g. my-session)\n",
    });

    const built = run(copy, ['build', 'my-counter'], 300_000);
    expect(built.err).toBe('');
    expect(built.code).toBe(0);
    const lines = built.out.split('\n');
    expect(lines[0]).toMatch(/^ {2}built {7}my-counter {2}\d+ B {2}\d+ ms$/);
    expect(lines[1]).toMatch(/^session +bytes +debug +vs Rust 13 KB +host functions +build$/);
    expect(lines[3]).toMatch(/^my-counter +\d+ +\d+ +1\/\d+\.\d +\d+: .*put_key.* +\d+ ms$/);
    expect(lines[4]).toMatch(/^1 session\(s\), 1 module\(s\) built in \d+ ms$/);
    for (const f of ['build/my-counter.wasm', 'build/debug/my-counter.wasm', 'build/debug/my-counter.wasm.map']) {
      expect(existsSync(join(copy, f))).toBe(true);
    }
    expect(run(copy, ['build', 'my-counter']).out.split('\n')[0]).toMatch(/^ {2}up to date {2}my-counter {2}\d+ B$/);
    expect(run(copy, ['build', 'nope'])).toEqual({
      code: 2,
      out: '',
      err: 'casper-as: no session named sessions/nope.ts\n',
    });

    const jest = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/jest/bin/jest.js'), '--ci', 'test/sessions/my-counter.test.ts'],
      {
        cwd: copy,
        encoding: 'utf8',
        timeout: 300_000,
      },
    );
    expect(jest.stderr).toMatch(/Tests: +2 passed, 2 total/);
    expect(jest.status).toBe(0);

    const r = run(copy, ['run', 'my-counter', '-a', "value:u64='7'"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}uref-[0-9a-f]{64}-000 +Write +U64 7$/m);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}, 900_000);
