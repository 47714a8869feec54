/**
 * The whole misconception catalogue, exercise name → variants.
 *
 * @module
 */
import type { Catalogue } from "./types.ts";
import { CATALOGUE as L01 } from "./01_linear_regression.ts";
import { CATALOGUE as L02A } from "./02_gradient_descent_a.ts";
import { CATALOGUE as L02B } from "./02_gradient_descent_b.ts";

/** Every lesson's catalogue, merged. */
export const CATALOGUE: Catalogue = { ...L01, ...L02A, ...L02B };
