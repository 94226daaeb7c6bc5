// Shared by the CLI tests: run the CLI in-process with captured output, temporary directories,
// fixture keys and modules.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../cli/main';

/** What one CLI invocation printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `casper-as <argv…>` in this process (as bin/casper-as.cjs does). */
export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'casper-as-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** casper-client-rs resources/test.pem: an Ed25519 key as casper-client keygen writes it (LF, no final newline). */
export const CASPER_CLIENT_TEST_PEM =
  '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIL2b95VeBZG0BH+7E8pCw0fjmvHXtE/7+koPslqMODH1\n-----END PRIVATE KEY-----';
/** Its public key (hex). */
export const CASPER_CLIENT_TEST_PUBLIC_KEY = '01f60bce2bb1059c41910eac1e7ee6c3ef4c8fcc63a901eb9603c1524cadfb0c18';

/** casper-client-rs lib/cli/tests.rs SAMPLE_DEPLOY: a deploy casper-client wrote and two keys signed. */
export const CASPER_CLIENT_SAMPLE_DEPLOY = `{
  "hash": "1053f767f1734e3b5b31253ea680778ac53f134f7c24518bf2c4cbb204852617",
  "header": {
    "account": "01f60bce2bb1059c41910eac1e7ee6c3ef4c8fcc63a901eb9603c1524cadfb0c18",
    "timestamp": "2022-12-11T18:37:06.901Z",
    "ttl": "10s",
    "gas_price": 1,
    "body_hash": "0a80edb81389ead7fb3d6a783355d821313c8baa68718fa7478aa0ca6a6b3b59",
    "dependencies": [],
    "chain_name": "casper-test-chain-name-1"
  },
  "payment": {
    "StoredVersionedContractByHash": {
      "hash": "09dcee4b212cfd53642ab323fbef07dafafc6f945a80a00147f62910a915c4e6",
      "version": 2,
      "entry_point": "entrypoint",
      "args": [
        [
          "name_01",
          {
            "cl_type": "Bool",
            "bytes": "00",
            "parsed": false
          }
        ],
        [
          "name_02",
          {
            "cl_type": "I32",
            "bytes": "2a000000",
            "parsed": 42
          }
        ]
      ]
    }
  },
  "session": {
    "StoredVersionedContractByHash": {
      "hash": "09dcee4b212cfd53642ab323fbef07dafafc6f945a80a00147f62910a915c4e6",
      "version": 2,
      "entry_point": "entrypoint",
      "args": [
        [
          "name_01",
          {
            "cl_type": "Bool",
            "bytes": "00",
            "parsed": false
          }
        ],
        [
          "name_02",
          {
            "cl_type": "I32",
            "bytes": "2a000000",
            "parsed": 42
          }
        ]
      ]
    }
  },
  "approvals": [
    {
      "signer": "01f60bce2bb1059c41910eac1e7ee6c3ef4c8fcc63a901eb9603c1524cadfb0c18",
      "signature": "01d701c27d7dc36b48fa457e4c7cc9999b444d7efb4a118c805b82d1f1af337437d00f9a9562694a7dd707abc01fa0158428a365a970853327d70d6d8f15aeea00"
    },
    {
      "signer": "016e3725ffd940bddb56e692e6309c6c82d2def515421219ddfd1ea0952e52491a",
      "signature": "010a973a45b72208b18da27b25ea62c6be31cd1b53b723b74cdd7e9f356d83df821b6431c973e2f6e24d10fdb213dc5e02d552ba113254e610992b6942ff76390e"
    }
  ]
}`;

/** A minimal valid session module: memory, an empty exported `call`. */
export const EMPTY_SESSION = Buffer.from(
  '0061736d01000000' + '010401600000' + '03020100' + '0503010001' + '0708010463616c6c0000' + '0a040102000b',
  'hex',
);

/** A session the node rejects: `call` (function 0, named "float_fn") uses f32.const. */
export const FLOAT_SESSION = Buffer.from(
  '0061736d01000000' +
    '010401600000' +
    '03020100' +
    '0503010001' +
    '0708010463616c6c0000' +
    '0a0a01080043000000001a0b' +
    '00' +
    '12' +
    '046e616d65' +
    '010b010008666c6f61745f666e',
  'hex',
);
