/**
 * `casper-as make-deploy`: casper-client's make-deploy for session Wasm with standard payment —
 * writes the deploy (unsigned unless --secret-key is given) to --output or stdout, for
 * sign-deploy and send-deploy. `--transaction` makes a Casper 2.0 TransactionV1 instead.
 */

import { type CommandSpec, parseArgs } from '../argv';
import { jsonText } from '../deploy';
import type { Io } from '../io';
import { writeFilesAtomically } from '../output';
import { deployFlags, FORCE, OUTPUT, SECRET_KEY } from './common';
import { makeFromArgs } from './deploy-common';

export const SPEC: CommandSpec = {
  flags: {
    output: OUTPUT,
    force: FORCE,
    'secret-key': {
      ...SECRET_KEY,
      help: 'Path to secret key file. If not provided, the deploy is not signed (see sign-deploy)',
    },
    ...deployFlags(),
  },
};

export const SUMMARY =
  'Create a deploy and output it to a file or stdout. As a file, it can be signed with sign-deploy and sent with send-deploy';

export async function makeDeployCommand(argv: readonly string[], io: Io): Promise<number> {
  const a = parseArgs(argv, SPEC);
  const made = makeFromArgs(a, false);
  const text = jsonText(made.json);
  const output = a.get('output');
  if (output === undefined || output === '') {
    io.out(`${text}\n`);
    return 0;
  }
  writeFilesAtomically([{ path: output, contents: text }], a.has('force'));
  io.out(`Wrote the ${made.kind} to ${output}\n`);
  return 0;
}
