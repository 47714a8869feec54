import type { avgPool2d } from "../../../exercises/04_convolution/avg_pool.ts";
import { cases } from "../../define.ts";
import { poolCases } from "../_hidden.ts";

/** Hidden cases of `avgPool2d`: each against tf.avgPool on the same input (shared with the other pooling). */
export default cases<typeof avgPool2d>(poolCases("avgPool2d", "avg"));
