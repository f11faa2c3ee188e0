package io.mechanist.devtools.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Map;

/**
 * A differentiable GPT-2 forward pass on DJL arrays, written out op by op with Hugging Face GPT2LMHeadModel
 * semantics (no dropout): token + position embedding, per block {@code x += attn(ln_1(x))},
 * {@code x += mlp(ln_2(x))} with causal softmax attention scaled by 1/sqrt(head_dim) and the tanh GELU
 * ("gelu_new"), then {@code ln_f} and the tied unembedding. The activation is always the first operand of an op,
 * so results belong to the caller's (short-lived) manager rather than the parameters'.
 */
public final class GptForward {

    private static final double GELU_C = Math.sqrt(2.0 / Math.PI);

    private final GptConfig config;
    private final Map<String, NDArray> parameters;

    /** @param parameters by Hugging Face name, shapes as in {@link GptParameters#shapes} */
    public GptForward(GptConfig config, Map<String, NDArray> parameters) {
        this.config = config;
        this.parameters = parameters;
    }

    /**
     * @param manager owns the inputs and intermediates of this pass
     * @param tokenIds [batch, pos] token ids
     * @return logits [batch, pos, vocab]
     */
    public NDArray logits(NDManager manager, int[][] tokenIds) {
        int batch = tokenIds.length;
        int positions = tokenIds[0].length;
        if (positions > config.contextLength()) {
            throw new IllegalArgumentException(positions + " positions exceed n_positions " + config.contextLength());
        }
        NDArray ids = manager.create(flatten(tokenIds), new Shape(batch, positions));
        NDArray oneHot = ids.oneHot(config.vocabSize(), DataType.FLOAT32);
        NDArray positionTable = p("transformer.wpe.weight").get(new NDIndex("0:{}", positions));
        NDArray x = oneHot.matMul(p("transformer.wte.weight")).add(positionTable);
        NDArray causalMask = causalMask(manager, positions);
        for (int layer = 0; layer < config.layers(); layer++) {
            String b = GptParameters.block(layer);
            x = x.add(attention(layerNorm(x, b + "ln_1"), b, causalMask));
            x = x.add(mlp(layerNorm(x, b + "ln_2"), b));
        }
        NDArray normed = layerNorm(x, "transformer.ln_f");
        return normed.matMul(p("transformer.wte.weight").transpose());
    }

    /**
     * Weighted mean next-token cross-entropy: sum(weight x loss) / sum(weight).
     *
     * @param logits [batch, pos, vocab]
     * @param targets [batch][pos] the token each position should predict
     * @param lossMask [batch][pos] weight of each position's loss, 0 for padding
     * @return a scalar
     */
    public NDArray loss(NDManager manager, NDArray logits, int[][] targets, float[][] lossMask) {
        int batch = targets.length;
        int positions = targets[0].length;
        NDArray target = manager.create(flatten(targets), new Shape(batch, positions))
                .oneHot(config.vocabSize(), DataType.FLOAT32);
        NDArray mask = manager.create(flatten(lossMask), new Shape(batch, positions));
        NDArray logProbability = logits.logSoftmax(-1).mul(target).sum(new int[] {-1});
        return logProbability.mul(mask).sum().div(mask.sum()).neg();
    }

    private NDArray attention(NDArray h, String b, NDArray causalMask) {
        long batch = h.getShape().get(0);
        long positions = h.getShape().get(1);
        int heads = config.heads();
        int headDim = config.headDim();
        NDArray qkv = h.matMul(p(b + "attn.c_attn.weight")).add(p(b + "attn.c_attn.bias"));
        NDList split = qkv.split(3, 2);
        NDArray q = toHeads(split.get(0), batch, positions, heads, headDim);
        NDArray k = toHeads(split.get(1), batch, positions, heads, headDim);
        NDArray v = toHeads(split.get(2), batch, positions, heads, headDim);
        NDArray scale = constant(q, 1.0 / Math.sqrt(headDim));
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).add(causalMask);
        NDArray mixed = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3)
                .reshape(batch, positions, config.modelDim());
        return mixed.matMul(p(b + "attn.c_proj.weight")).add(p(b + "attn.c_proj.bias"));
    }

    private NDArray mlp(NDArray h, String b) {
        NDArray hidden = h.matMul(p(b + "mlp.c_fc.weight")).add(p(b + "mlp.c_fc.bias"));
        return geluTanh(hidden).matMul(p(b + "mlp.c_proj.weight")).add(p(b + "mlp.c_proj.bias"));
    }

    /** GELU, tanh approximation: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
    static NDArray geluTanh(NDArray x) {
        NDArray cube = x.mul(x).mul(x);
        NDArray inner = x.add(cube.mul(constant(x, 0.044715))).mul(constant(x, GELU_C));
        return x.mul(inner.tanh().add(1)).mul(constant(x, 0.5));
    }

    /**
     * A scalar owned by {@code like}'s manager. DJL's {@code mul(Number)} wraps the number in a temporary array
     * over a Java buffer and closes it right after the op, but autograd keeps that array for the backward pass
     * (the gradient of {@code x * c} is {@code c}); once the garbage collector frees the buffer, backward reads
     * freed memory (seen as wrong gradients and NaN after a few hundred steps). A scalar that lives as long as the
     * pass's manager is still valid during backward.
     */
    private static NDArray constant(NDArray like, double value) {
        return like.getManager().create((float) value);
    }

    private NDArray layerNorm(NDArray x, String prefix) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centred = x.sub(mean);
        NDArray variance = centred.square().mean(new int[] {-1}, true);
        return centred.div(variance.add(config.layerNormEpsilon()).sqrt())
                .mul(p(prefix + ".weight")).add(p(prefix + ".bias"));
    }

    private static NDArray toHeads(NDArray x, long batch, long positions, int heads, int headDim) {
        return x.reshape(batch, positions, heads, headDim).transpose(0, 2, 1, 3);
    }

    /** [pos, pos]: 0 on and below the diagonal, a large negative number above it (future keys). */
    private static NDArray causalMask(NDManager manager, int positions) {
        float[] mask = new float[positions * positions];
        for (int q = 0; q < positions; q++) {
            for (int k = q + 1; k < positions; k++) {
                mask[q * positions + k] = -1e9f;
            }
        }
        return manager.create(mask, new Shape(positions, positions));
    }

    private NDArray p(String name) {
        NDArray value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("no parameter " + name);
        }
        return value;
    }

    private static long[] flatten(int[][] rows) {
        long[] out = new long[rows.length * rows[0].length];
        int i = 0;
        for (int[] row : rows) {
            for (int v : row) {
                out[i++] = v;
            }
        }
        return out;
    }

    private static float[] flatten(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        int i = 0;
        for (float[] row : rows) {
            System.arraycopy(row, 0, out, i, row.length);
            i += row.length;
        }
        return out;
    }
}
