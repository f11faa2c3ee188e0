package io.mechanist.devtools.trainer;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Shape of a GPT-2-architecture decoder (pre-norm blocks, learned positions, GELU (tanh) MLP of width 4 x d_model,
 * tied input and output embeddings).
 *
 * @param vocabSize tokens
 * @param contextLength n_positions: the longest sequence the position table covers
 * @param modelDim n_embd (d_model)
 * @param layers n_layer
 * @param heads n_head; must divide {@code modelDim}
 * @param layerNormEpsilon added to the variance in every layer norm
 */
public record GptConfig(int vocabSize, int contextLength, int modelDim, int layers, int heads,
        double layerNormEpsilon) {

    public GptConfig {
        if (vocabSize < 1 || contextLength < 1 || modelDim < 1 || layers < 1 || heads < 1) {
            throw new IllegalArgumentException("all sizes must be positive: " + this);
        }
        if (modelDim % heads != 0) {
            throw new IllegalArgumentException("n_embd " + modelDim + " is not divisible by n_head " + heads);
        }
    }

    public int headDim() {
        return modelDim / heads;
    }

    public int mlpDim() {
        return 4 * modelDim;
    }

    /** The config.json that transformers' GPT2LMHeadModel reads. */
    public JsonObject toHuggingFaceJson(int endOfTextId) {
        JsonObject json = new JsonObject();
        JsonArray architectures = new JsonArray();
        architectures.add("GPT2LMHeadModel");
        json.add("architectures", architectures);
        json.addProperty("model_type", "gpt2");
        json.addProperty("vocab_size", vocabSize);
        json.addProperty("n_positions", contextLength);
        json.addProperty("n_ctx", contextLength);
        json.addProperty("n_embd", modelDim);
        json.addProperty("n_layer", layers);
        json.addProperty("n_head", heads);
        json.addProperty("activation_function", "gelu_new");
        json.addProperty("layer_norm_epsilon", layerNormEpsilon);
        json.addProperty("resid_pdrop", 0.0);
        json.addProperty("embd_pdrop", 0.0);
        json.addProperty("attn_pdrop", 0.0);
        json.addProperty("initializer_range", 0.02);
        json.addProperty("scale_attn_weights", true);
        json.addProperty("scale_attn_by_inverse_layer_idx", false);
        json.addProperty("reorder_and_upcast_attn", false);
        json.addProperty("tie_word_embeddings", true);
        json.addProperty("bos_token_id", endOfTextId);
        json.addProperty("eos_token_id", endOfTextId);
        json.addProperty("torch_dtype", "float32");
        json.addProperty("use_cache", true);
        return json;
    }
}
