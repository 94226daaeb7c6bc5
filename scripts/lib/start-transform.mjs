// asc transform: the node rejects a Wasm start section (UnsupportedWasmStart), and asc puts
// top-level code and the runtime's heap setup in one. The build compiles with
// `--exportStart __casper_start` (no start section; the start code becomes a run-once export)
// and this transform makes every exported function run it first, then drops that export.
// Entry points of contracts installed from a session are exports too: each invocation gets a
// fresh instance, so each must initialise the heap before it allocates.

/** Name of the export asc is told to give the start function. */
export const START_EXPORT = '__casper_start';

/**
 * A transform class for asc.main({ transforms: [...] }) (asc gives it `this.binaryen`). It also
 * records, in `sink.staticObjects`, the address range of every data segment as asc emitted it
 * (one per static object, before optimization splits them), for the dead-data pass.
 */
export function makeStartTransform(sink) {
  return class StartTransform {
    /** Called by asc after compilation, before optimization and emission. */
    afterCompile(module) {
      const binaryen = this.binaryen;
      sink.staticObjects = [];
      for (let i = 0, n = module.getNumDataSegments(); i < n; i++) {
        const info = module.getDataSegmentInfo(module.getDataSegmentByIndex(i));
        if (!info.passive) sink.staticObjects.push([info.offset, info.offset + info.data.byteLength]);
      }
      transformStart(binaryen, module);
    }
  };
}

/** Makes every exported function run the start function first, then drops its export. */
function transformStart(binaryen, module) {
  const startRef = module.getExport(START_EXPORT);
  if (!startRef) return;
  const startFn = binaryen.getExportInfo(startRef).value;
  module.removeExport(START_EXPORT);
  const exports = [];
  for (let i = 0, n = module.getNumExports(); i < n; i++) {
    const info = binaryen.getExportInfo(module.getExportByIndex(i));
    if (info.kind === binaryen.ExternalFunction) exports.push(info);
  }
  for (const { name, value } of exports) {
    const fn = binaryen.getFunctionInfo(module.getFunction(value));
    const params = binaryen.expandType(fn.params);
    const args = params.map((t, i) => module.local.get(i, t));
    const wrapper = `${value}~withStart`;
    module.addFunction(
      wrapper,
      fn.params,
      fn.results,
      [],
      module.block(null, [module.call(startFn, [], binaryen.none), module.call(value, args, fn.results)], fn.results),
    );
    module.removeExport(name);
    module.addFunctionExport(wrapper, name);
  }
}
