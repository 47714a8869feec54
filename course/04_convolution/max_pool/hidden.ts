import type { maxPool2d } from "../../../exercises/04_convolution/max_pool.ts";
import { cases } from "../../define.ts";
import { poolCases } from "../_hidden.ts";

/** Hidden cases of `maxPool2d`: each against tf.maxPool on the same input (shared with the other pooling). */
export default cases<typeof maxPool2d>(poolCases("maxPool2d", "max"));
