/** asc flags shared by every build: the MVP feature set the 1.5 node accepts. */
export const MVP_FLAGS = [
  '--disable',
  'sign-extension,bulk-memory,mutable-globals,nontrapping-f2i',
  '--runtime',
  'stub',
];

/** Flags for jest harness modules under test/harness (loaded with @assemblyscript/loader). */
export const HARNESS_FLAGS = [
  ...MVP_FLAGS,
  '--exportRuntime',
  '-O2',
  '--debug',
  '--use',
  'CASPER_DEBUG=1',
  '--use',
  'CASPER_STATIC_STRINGS=0',
];
