import binaryen from 'binaryen';
import { readFileSync } from 'node:fs';
const m = binaryen.readBinary(readFileSync(process.argv[2]));
console.log(m.emitText());
