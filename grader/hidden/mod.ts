/**
 * Every hidden suite, merged: exercise name → cases.
 *
 * @module
 */
import type { HiddenSuite } from "../types.ts";
import { HIDDEN as L01 } from "./01_linear_regression.ts";
import { HIDDEN as L02A } from "./02_gradient_descent_a.ts";
import { HIDDEN as L02B } from "./02_gradient_descent_b.ts";

/** All hidden cases. */
export const HIDDEN: HiddenSuite = { ...L01, ...L02A, ...L02B };
