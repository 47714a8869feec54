/**
 * The relative imports of a module that load code: `import type` and
 * `export type … from` are erased before the module runs, so they load nothing.
 *
 * @module
 */
import { importSpecifiers, stripComments } from "./scan.ts";

const TYPE_ONLY = /\b(?:import|export)\s+type\s[^'"`;]*?\bfrom\s*(['"`])([^'"`]+)\1/g;

/**
 * A module's relative import specifiers that load code.
 *
 * @param src The module's text.
 * @returns Specifiers starting with `./` or `../`, in the order found.
 */
export function codeImports(src: string): string[] {
  const typeOnly = new Map<string, number>();
  for (const m of stripComments(src).matchAll(TYPE_ONLY)) {
    typeOnly.set(m[2], (typeOnly.get(m[2]) ?? 0) + 1);
  }
  const out: string[] = [];
  for (const { spec } of importSpecifiers(src)) {
    const n = typeOnly.get(spec) ?? 0;
    if (n > 0) typeOnly.set(spec, n - 1);
    else if (spec.startsWith("./") || spec.startsWith("../")) out.push(spec);
  }
  return out;
}
