// assembly/externals.ts must declare exactly the node's host functions with the node's
// signatures: every parameter a 32-bit integer, an i32 result or none (plus the two build-time
// markers of the static-string pass, which never reach a built module).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { HOST_FUNCTIONS, PRINT_FUNCTION } from '../../runtime/wasm/host-functions';

interface Declared {
  importName: string;
  fnName: string;
  params: string[];
  result: string;
}

function declaredExternals(): Declared[] {
  const file = join(__dirname, '..', '..', 'assembly', 'externals.ts');
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Declared[] = [];
  for (const stmt of src.statements) {
    if (!ts.isFunctionDeclaration(stmt)) continue;
    const deco = ts.getDecorators(stmt as unknown as ts.HasDecorators) ?? [];
    const ext = deco
      .map((d) => d.expression)
      .find((e) => ts.isCallExpression(e) && e.expression.getText() === 'external');
    if (!ext || !ts.isCallExpression(ext)) throw new Error(`${stmt.name?.getText()} has no @external decorator`);
    const [mod, name] = ext.arguments.map((a) => (a as ts.StringLiteral).text);
    expect(mod).toBe('env');
    out.push({
      importName: name,
      fnName: stmt.name!.getText(),
      params: stmt.parameters.map((p) => p.type!.getText()),
      result: stmt.type!.getText(),
    });
  }
  return out;
}

/** Build-time markers (scripts/lib/static-strings.mjs): declared here too, never in a built module. */
const BUILD_MARKERS = ['__casper_static_string', '__casper_static_strings_only'];

describe('assembly/externals.ts', () => {
  const all = declaredExternals();
  const declared = all.filter((d) => !BUILD_MARKERS.includes(d.importName));

  test('declares the static-string build markers, which the release build removes', () => {
    expect(all.filter((d) => BUILD_MARKERS.includes(d.importName)).map((d) => d.importName)).toEqual(BUILD_MARKERS);
  });

  test('declares exactly the 49 production host functions plus casper_print', () => {
    expect(declared.map((d) => d.importName).sort()).toEqual(
      [...HOST_FUNCTIONS.map((f) => f.name), PRINT_FUNCTION.name].sort(),
    );
    expect(new Set(declared.map((d) => d.importName)).size).toBe(declared.length);
  });

  test('each declaration has the node signature: 32-bit integer params, i32 or void result', () => {
    const table = new Map([...HOST_FUNCTIONS, PRINT_FUNCTION].map((f) => [f.name, f]));
    const i32Like = new Set(['usize', 'u32', 'i32', 'u8', 'bool']);
    for (const d of declared) {
      const sig = table.get(d.importName)!;
      expect({ name: d.importName, params: d.params.length }).toEqual({ name: d.importName, params: sig.params });
      for (const p of d.params)
        expect({ name: d.importName, param: p, ok: i32Like.has(p) }).toEqual({
          name: d.importName,
          param: p,
          ok: true,
        });
      expect({ name: d.importName, result: d.result }).toEqual({
        name: d.importName,
        result: sig.result ? 'i32' : 'void',
      });
      expect(d.fnName).toBe(d.importName);
    }
  });
});
