/**
 * The whole misconception catalogue, exercise name → variants.
 *
 * @module
 */
import type { Catalogue } from "./types.ts";
import { CATALOGUE as L01 } from "./01_linear_regression.ts";

/** Every lesson's catalogue, merged. */
export const CATALOGUE: Catalogue = { ...L01 };
