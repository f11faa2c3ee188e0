package io.mechanist.devtools.trainer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The parameters of a GPT-2 decoder under their Hugging Face names, with shapes in the layout transformers'
 * GPT2LMHeadModel stores them: the projections are Conv1D weights of shape [in, out] (the input is multiplied from
 * the left, {@code y = x W + b}). The output head is tied to {@code transformer.wte.weight} and has no tensor.
 */
public final class GptParameters {

    private static final double INIT_STD = 0.02;

    private GptParameters() {
    }

    /** Every parameter name with its shape, in checkpoint order (embeddings, blocks, final norm). */
    public static Map<String, long[]> shapes(GptConfig c) {
        long d = c.modelDim();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("transformer.wte.weight", new long[] {c.vocabSize(), d});
        shapes.put("transformer.wpe.weight", new long[] {c.contextLength(), d});
        for (int i = 0; i < c.layers(); i++) {
            String p = block(i);
            shapes.put(p + "ln_1.weight", new long[] {d});
            shapes.put(p + "ln_1.bias", new long[] {d});
            shapes.put(p + "attn.c_attn.weight", new long[] {d, 3 * d});
            shapes.put(p + "attn.c_attn.bias", new long[] {3 * d});
            shapes.put(p + "attn.c_proj.weight", new long[] {d, d});
            shapes.put(p + "attn.c_proj.bias", new long[] {d});
            shapes.put(p + "ln_2.weight", new long[] {d});
            shapes.put(p + "ln_2.bias", new long[] {d});
            shapes.put(p + "mlp.c_fc.weight", new long[] {d, c.mlpDim()});
            shapes.put(p + "mlp.c_fc.bias", new long[] {c.mlpDim()});
            shapes.put(p + "mlp.c_proj.weight", new long[] {c.mlpDim(), d});
            shapes.put(p + "mlp.c_proj.bias", new long[] {d});
        }
        shapes.put("transformer.ln_f.weight", new long[] {d});
        shapes.put("transformer.ln_f.bias", new long[] {d});
        return shapes;
    }

    /** The name prefix of block {@code i}: {@code transformer.h.i.}. */
    public static String block(int i) {
        return "transformer.h." + i + ".";
    }

    /**
     * GPT-2's initialisation, drawn from {@code seed} in checkpoint order: weights normal(0, 0.02), the two output
     * projections of each block scaled by 1/sqrt(2 n_layer) (they add to the residual stream twice per block),
     * biases zero, layer-norm gains one.
     */
    public static Map<String, float[]> initialValues(GptConfig c, long seed) {
        Random random = new Random(seed);
        double projectionStd = INIT_STD / Math.sqrt(2.0 * c.layers());
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> entry : shapes(c).entrySet()) {
            String name = entry.getKey();
            int count = Math.toIntExact(product(entry.getValue()));
            float[] v = new float[count];
            if (name.contains(".ln_") && name.endsWith(".weight")) {
                java.util.Arrays.fill(v, 1f);
            } else if (name.endsWith(".weight")) {
                double std = name.endsWith("c_proj.weight") ? projectionStd : INIT_STD;
                for (int k = 0; k < count; k++) {
                    v[k] = (float) (random.nextGaussian() * std);
                }
            }
            values.put(name, v);
        }
        return values;
    }

    public static long product(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return n;
    }

    /** Total parameter count (the tied head counted once). */
    public static long count(GptConfig c) {
        return shapes(c).values().stream().mapToLong(GptParameters::product).sum();
    }
}
