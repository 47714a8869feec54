import type {
  BlockParams,
  transformerBlock,
} from "../../../exercises/07_transformer_block/transformer_block.ts";
import { variants } from "../../define.ts";
import { mlp } from "../../../solutions/07_transformer_block/mlp.ts";
import { rng } from "../../../lib/random.ts";
import { addM, type M, matMul, normRows, XP } from "../_variants.ts";

const LN = (x: M, gamma: number[], beta: number[]) => normRows(x, gamma, beta, 1e-5);

/** How the causal attention goes wrong: −1e9 for −∞, or a softmax without the row maximum. */
interface Slip {
  finiteMask?: boolean;
  noMax?: boolean;
}

/** softmax(Q Kᵀ/√d_k) V over each row, with or without the causal mask. */
function attention(a: M, p: BlockParams, causal: boolean, slip: Slip = {}): M {
  const [q, k, v] = [matMul(a, p.Wq), matMul(a, p.Wk), matMul(a, p.Wv)];
  const out = q.map((qt, t) => {
    const keys = causal && !slip.finiteMask ? k.slice(0, t + 1) : k;
    const s = keys.map((ks, i) =>
      ks.reduce((sum, kj, j) => sum + kj * qt[j], 0) / Math.sqrt(qt.length) +
      (slip.finiteMask && i > t ? -1e9 : 0)
    );
    const top = slip.noMax ? 0 : Math.max(...s);
    const e = s.map((si) => Math.exp(si - top));
    const z = e.reduce((sum, w) => sum + w, 0);
    return v[0].map((_, j) => e.reduce((sum, w, i) => sum + (w / z) * v[i][j], 0));
  });
  return matMul(out, p.Wo);
}

const ffn = (m: M, p: BlockParams) => mlp(m, p.W1, p.b1, p.W2, p.b2);

// Probe weights: d = 4, d_k = 3, d_v = 2, h = 8, drawn once from a fixed seed (not symmetric).
const r = rng(7007);
const w = (rows: number, cols: number): M =>
  Array.from(
    { length: rows },
    () => Array.from({ length: cols }, () => r.normal() / Math.sqrt(rows)),
  );
const v = (n: number, around: number) => Array.from({ length: n }, () => around + 0.3 * r.normal());
const PP: BlockParams = {
  gamma1: v(4, 1),
  beta1: v(4, 0),
  Wq: w(4, 3),
  Wk: w(4, 3),
  Wv: w(4, 2),
  Wo: w(2, 4),
  gamma2: v(4, 1),
  beta2: v(4, 0),
  W1: w(4, 8),
  b1: v(8, 0),
  W2: w(8, 4),
  b2: v(4, 0),
};
const round = (x: number) => Math.round(x * 1e4) / 1e4;
const PROBE: BlockParams = Object.fromEntries(
  Object.entries(PP).map(([key, val]) => [
    key,
    (val as (number | number[])[]).map((e) => Array.isArray(e) ? e.map(round) : round(e)),
  ]),
) as unknown as BlockParams;

/** The probe weights with W_q and W_k scaled by 1e6 (W_k negated, so a later position leads): scores in the 1e11s. */
const HUGE: BlockParams = {
  ...PROBE,
  Wq: PROBE.Wq.map((row) => row.map((x) => x * 1e6)),
  Wk: PROBE.Wk.map((row) => row.map((x) => x * -1e6)),
};

/** The block with a slip in its causal attention. */
const slipped = (slip: Slip) => (x: M, p: BlockParams) => {
  const h = addM(x, attention(LN(x, p.gamma1, p.beta1), p, true, slip));
  return addM(h, ffn(LN(h, p.gamma2, p.beta2), p));
};

/** Known-wrong variants of `transformerBlock`. */
export default variants<typeof transformerBlock>({
  probes: [[XP, PROBE], [XP, HUGE]],
  variants: [
    {
      id: "transformer_block.post_norm",
      section: "pre-norm-where-the-residual-goes",
      // The original transformer's order: sublayer on the raw stream, then normalize the sum.
      fn: (x: M, p: BlockParams) => {
        const h = LN(addM(x, attention(x, p, true)), p.gamma1, p.beta1);
        return LN(addM(h, ffn(h, p)), p.gamma2, p.beta2);
      },
    },
    {
      id: "transformer_block.residual_from_norm",
      section: "pre-norm-where-the-residual-goes",
      // The residual starts from LN(x) instead of x: the stream is normalized at every sublayer.
      fn: (x: M, p: BlockParams) => {
        const a = LN(x, p.gamma1, p.beta1);
        const m = LN(addM(a, attention(a, p, true)), p.gamma2, p.beta2);
        return addM(m, ffn(m, p));
      },
    },
    {
      id: "transformer_block.mask_finite",
      section: "the-causal-mask",
      fn: slipped({ finiteMask: true }),
    },
    {
      id: "transformer_block.softmax_no_max",
      section: "the-causal-mask",
      fn: slipped({ noMax: true }),
    },
    {
      id: "transformer_block.no_causal_mask",
      section: "the-causal-mask",
      fn: (x: M, p: BlockParams) => {
        const h = addM(x, attention(LN(x, p.gamma1, p.beta1), p, false));
        return addM(h, ffn(LN(h, p.gamma2, p.beta2), p));
      },
    },
  ],
});
