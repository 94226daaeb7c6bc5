import { readFileSync } from 'node:fs';
import binaryen from 'binaryen';

const m = binaryen.readBinary(readFileSync(process.argv[2]));
console.log(m.emitText());
