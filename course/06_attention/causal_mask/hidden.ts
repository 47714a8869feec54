import type { causalMask } from "../../../exercises/06_attention/causal_mask.ts";
import { cases } from "../../define.ts";
import { between, tfCausalMask } from "../_reference.ts";

/** Hidden cases of `causalMask`, against tf.linalg.bandPart. */
export default cases<typeof causalMask>([
  {
    id: "small",
    name: "causalMask() for T = 2…6",
    points: 4,
    args: (r) => [between(r, 2, 6)],
    expect: tfCausalMask,
  },
  {
    id: "one-token",
    name: "causalMask(1)",
    points: 1,
    args: () => [1],
    expect: tfCausalMask,
  },
  {
    id: "long",
    name: "causalMask() for T = 40…64",
    points: 3,
    args: (r) => [between(r, 40, 64)],
    expect: tfCausalMask,
  },
  {
    id: "throws-on-zero",
    name: "causalMask(0) throws a RangeError",
    points: 1,
    args: () => [0],
    throws: "RangeError",
  },
  {
    id: "throws-on-fraction",
    name: "causalMask() throws a RangeError for a T that is not an integer",
    points: 1,
    args: (r) => [between(r, 2, 5) + 0.5],
    throws: "RangeError",
  },
]);
