/**
 * `casper-as sign-deploy -i FILE -k KEY [-o FILE] [-f]`: casper-client's sign-deploy — reads a
 * deploy (or TransactionV1) file, checks its hash and existing approvals, adds the key's approval
 * and writes it back (the input path may also be the output; the write is atomic).
 */

import { type CommandSpec, parseArgs } from '../argv';
import { jsonText, readDeployFile, signDeploy, signTransaction, withApprovals } from '../deploy';
import type { Io } from '../io';
import { readSecretKeyFile } from '../keys';
import { writeFilesAtomically } from '../output';
import { FORCE, INPUT, OUTPUT, SECRET_KEY } from './common';

export const SPEC: CommandSpec = {
  flags: {
    input: INPUT,
    'secret-key': { ...SECRET_KEY, required: true },
    output: OUTPUT,
    force: FORCE,
  },
};

export const SUMMARY =
  'Read a previously-saved deploy from a file, cryptographically sign it, and output it to a file or stdout';

export async function signDeployCommand(argv: readonly string[], io: Io): Promise<number> {
  const a = parseArgs(argv, SPEC);
  const input = a.get('input')!;
  const key = readSecretKeyFile(a.get('secret-key')!);
  const item = readDeployFile(input);
  if (item.kind === 'deploy') signDeploy(item.deploy, key.key);
  else signTransaction(item.transaction, key.key);
  const text = jsonText(withApprovals(item));
  const output = a.get('output');
  if (output === undefined || output === '') {
    io.out(`${text}\n`);
    return 0;
  }
  writeFilesAtomically([{ path: output, contents: text }], a.has('force'));
  io.out(`Signed the ${item.kind} at ${input} and wrote to ${output}\n`);
  return 0;
}
