/**
 * The relative imports of a module that load code: `import type` and
 * `export type … from` are erased before the module runs, so they load nothing.
 * Read by the grader's lexer (`grader/scan.ts`), linear in the module's size.
 *
 * @module
 */
import { imports } from "./scan.ts";

/**
 * A module's relative import specifiers that load code.
 *
 * @param src The module's text.
 * @returns Specifiers starting with `./` or `../`, in the order found (none when the
 *   module cannot be parsed: the scan refuses it, so it never runs).
 */
export function codeImports(src: string): string[] {
  let refs;
  try {
    refs = imports(src);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const { spec } of refs) {
    if (spec !== null && (spec.startsWith("./") || spec.startsWith("../"))) out.push(spec);
  }
  return out;
}
