package io.mechanist.runtime.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Architectures as published on the Hugging Face Hub: their config.json (copied from the Hub, with the layer
 * count and vocabulary as parameters) and the names and shapes of the tensors their safetensors files hold.
 * {@link RandomCheckpoint} fills them with random numbers, so benchmarks and tests run at real sizes without
 * downloading anything.
 */
public enum PublishedShape {
    /** openai-community/gpt2: 124,439,808 parameters (the Hub's file is float32; no lm_head, tied). */
    GPT2_SMALL("gpt2-small", 12, 50257, """
            {"activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"], "attn_pdrop": 0.1,
             "bos_token_id": 50256, "embd_pdrop": 0.1, "eos_token_id": 50256, "initializer_range": 0.02,
             "layer_norm_epsilon": 1e-05, "model_type": "gpt2", "n_ctx": 1024, "n_embd": 768, "n_head": 12,
             "n_inner": null, "n_layer": 12, "n_positions": 1024, "reorder_and_upcast_attn": false,
             "resid_pdrop": 0.1, "scale_attn_by_inverse_layer_idx": false, "scale_attn_weights": true,
             "summary_activation": null, "summary_first_dropout": 0.1, "summary_proj_to_labels": true,
             "summary_type": "cls_index", "summary_use_proj": true,
             "task_specific_params": {"text-generation": {"do_sample": true, "max_length": 50}},
             "torch_dtype": "float32", "use_cache": true, "vocab_size": 50257}""",
            new Special("<|endoftext|>", 50256, "bos_token_id", "eos_token_id")),
    /** meta-llama/Llama-3.2-1B: 1,235,814,400 parameters, tied embeddings, llama3 rope scaling. */
    LLAMA_3_2_1B("llama-3.2-1b", 16, 128256, """
            {"architectures": ["LlamaForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
             "bos_token_id": 128000, "eos_token_id": 128001, "head_dim": 64, "hidden_act": "silu",
             "hidden_size": 2048, "initializer_range": 0.02, "intermediate_size": 8192,
             "max_position_embeddings": 131072, "mlp_bias": false, "model_type": "llama",
             "num_attention_heads": 32, "num_hidden_layers": 16, "num_key_value_heads": 8, "pretraining_tp": 1,
             "rms_norm_eps": 1e-05, "rope_scaling": {"factor": 32.0, "high_freq_factor": 4.0,
             "low_freq_factor": 1.0, "original_max_position_embeddings": 8192, "rope_type": "llama3"},
             "rope_theta": 500000.0, "tie_word_embeddings": true, "torch_dtype": "bfloat16",
             "transformers_version": "4.45.0.dev0", "use_cache": true, "vocab_size": 128256}""",
            new Special("<|begin_of_text|>", 128000, "bos_token_id"),
            new Special("<|end_of_text|>", 128001, "eos_token_id")),
    /**
     * Qwen/Qwen3-1.7B: 2,031,739,904 parameters in the Hub's files, which carry lm_head.weight although
     * tie_word_embeddings is true (transformers then ties it and ignores the stored copy; so does Mechanist).
     */
    QWEN3_1_7B("qwen3-1.7b", 28, 151936, """
            {"architectures": ["Qwen3ForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
             "bos_token_id": 151643, "eos_token_id": 151645, "head_dim": 128, "hidden_act": "silu",
             "hidden_size": 2048, "initializer_range": 0.02, "intermediate_size": 6144,
             "max_position_embeddings": 40960, "max_window_layers": 28, "model_type": "qwen3",
             "num_attention_heads": 16, "num_hidden_layers": 28, "num_key_value_heads": 8, "rms_norm_eps": 1e-06,
             "rope_scaling": null, "rope_theta": 1000000, "sliding_window": null, "tie_word_embeddings": true,
             "torch_dtype": "bfloat16", "transformers_version": "4.51.0", "use_cache": true,
             "use_sliding_window": false, "vocab_size": 151936}""",
            new Special("<|endoftext|>", 151643, "bos_token_id"),
            new Special("<|im_end|>", 151645, "eos_token_id")),
    /** google/gemma-2-2b: 2,614,341,888 parameters (the Hub's files are float32), tied, sandwich norms. */
    GEMMA_2_2B("gemma-2-2b", 26, 256000, """
            {"architectures": ["Gemma2ForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
             "attn_logit_softcapping": 50.0, "bos_token_id": 2, "cache_implementation": "hybrid",
             "eos_token_id": 1, "final_logit_softcapping": 30.0, "head_dim": 256, "hidden_act": "gelu_pytorch_tanh",
             "hidden_activation": "gelu_pytorch_tanh", "hidden_size": 2304, "initializer_range": 0.02,
             "intermediate_size": 9216, "max_position_embeddings": 8192, "model_type": "gemma2",
             "num_attention_heads": 8, "num_hidden_layers": 26, "num_key_value_heads": 4, "pad_token_id": 0,
             "query_pre_attn_scalar": 256, "rms_norm_eps": 1e-06, "rope_theta": 10000.0, "sliding_window": 4096,
             "torch_dtype": "float32", "transformers_version": "4.42.4", "use_cache": true,
             "vocab_size": 256000}""",
            new Special("<pad>", 0, "pad_token_id"), new Special("<eos>", 1, "eos_token_id"),
            new Special("<bos>", 2, "bos_token_id")),
    /** meta-llama/Meta-Llama-3-8B: 8,030,261,248 parameters, untied (lm_head.weight), 16 GB in bf16. */
    LLAMA_3_8B("llama-3-8b", 32, 128256, """
            {"architectures": ["LlamaForCausalLM"], "attention_bias": false, "attention_dropout": 0.0,
             "bos_token_id": 128000, "eos_token_id": 128001, "hidden_act": "silu", "hidden_size": 4096,
             "initializer_range": 0.02, "intermediate_size": 14336, "max_position_embeddings": 8192,
             "model_type": "llama", "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8,
             "pretraining_tp": 1, "rms_norm_eps": 1e-05, "rope_scaling": null, "rope_theta": 500000.0,
             "tie_word_embeddings": false, "torch_dtype": "bfloat16", "transformers_version": "4.40.0.dev0",
             "use_cache": true, "vocab_size": 128256}""",
            new Special("<|begin_of_text|>", 128000, "bos_token_id"),
            new Special("<|end_of_text|>", 128001, "eos_token_id"));

    /** How a tensor is filled: its role decides the random distribution. */
    public enum Role {
        /** A projection or embedding matrix: uniform with standard deviation initializer_range (0.02). */
        MATRIX,
        /** A bias vector: small values around 0. */
        BIAS,
        /** A norm scale: around 1 (around 0 for Gemma, whose norms multiply by 1 + weight). */
        NORM
    }

    /** One tensor of the checkpoint. */
    public record Tensor(String name, long[] shape, Role role) {
        public long elementCount() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    /** A special token: its content, its id on the Hub, the config.json keys that name it. */
    record Special(String content, int hubId, String... configKeys) {
    }

    private final String id;
    private final int layers;
    private final int vocab;
    private final String config;
    private final Special[] specials;

    PublishedShape(String id, int layers, int vocab, String config, Special... specials) {
        this.id = id;
        this.layers = layers;
        this.vocab = vocab;
        this.config = config;
        this.specials = specials;
    }

    /** The name used on the command line, e.g. {@code qwen3-1.7b}. */
    public String id() {
        return id;
    }

    public int publishedLayers() {
        return layers;
    }

    public int publishedVocab() {
        return vocab;
    }

    /** The shape named {@code id} (case-insensitive), or an IllegalArgumentException listing the known ones. */
    public static PublishedShape of(String id) {
        for (PublishedShape shape : values()) {
            if (shape.id.equalsIgnoreCase(id.trim())) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + id + "' (known: " + idList() + ")");
    }

    public static String idList() {
        return String.join(", ", Arrays.stream(values()).map(PublishedShape::id).toList());
    }

    /** The Hub's config.json. */
    public JsonObject publishedConfig() {
        return JsonParser.parseString(config).getAsJsonObject();
    }

    private boolean gpt2() {
        return this == GPT2_SMALL;
    }

    private int dModel() {
        return publishedConfig().get(gpt2() ? "n_embd" : "hidden_size").getAsInt();
    }

    /** The tensors of a checkpoint of this shape with {@code layerCount} layers and a vocabulary of {@code vocabSize}. */
    public List<Tensor> tensors(int layerCount, int vocabSize) {
        JsonObject c = publishedConfig();
        List<Tensor> out = new ArrayList<>();
        int d = dModel();
        if (gpt2()) {
            int positions = c.get("n_positions").getAsInt();
            out.add(new Tensor("wte.weight", dims(vocabSize, d), Role.MATRIX));
            out.add(new Tensor("wpe.weight", dims(positions, d), Role.MATRIX));
            for (int l = 0; l < layerCount; l++) {
                String p = "h." + l + ".";
                out.add(new Tensor(p + "ln_1.weight", dims(d), Role.NORM));
                out.add(new Tensor(p + "ln_1.bias", dims(d), Role.BIAS));
                out.add(new Tensor(p + "attn.c_attn.weight", dims(d, 3 * d), Role.MATRIX));
                out.add(new Tensor(p + "attn.c_attn.bias", dims(3 * d), Role.BIAS));
                out.add(new Tensor(p + "attn.c_proj.weight", dims(d, d), Role.MATRIX));
                out.add(new Tensor(p + "attn.c_proj.bias", dims(d), Role.BIAS));
                out.add(new Tensor(p + "ln_2.weight", dims(d), Role.NORM));
                out.add(new Tensor(p + "ln_2.bias", dims(d), Role.BIAS));
                out.add(new Tensor(p + "mlp.c_fc.weight", dims(d, 4 * d), Role.MATRIX));
                out.add(new Tensor(p + "mlp.c_fc.bias", dims(4 * d), Role.BIAS));
                out.add(new Tensor(p + "mlp.c_proj.weight", dims(4 * d, d), Role.MATRIX));
                out.add(new Tensor(p + "mlp.c_proj.bias", dims(d), Role.BIAS));
            }
            out.add(new Tensor("ln_f.weight", dims(d), Role.NORM));
            out.add(new Tensor("ln_f.bias", dims(d), Role.BIAS));
            return out;
        }
        int heads = c.get("num_attention_heads").getAsInt();
        int kvHeads = c.get("num_key_value_heads").getAsInt();
        int headDim = c.has("head_dim") ? c.get("head_dim").getAsInt() : d / heads;
        int mlp = c.get("intermediate_size").getAsInt();
        boolean qkNorm = this == QWEN3_1_7B;
        boolean sandwich = this == GEMMA_2_2B;
        out.add(new Tensor("model.embed_tokens.weight", dims(vocabSize, d), Role.MATRIX));
        for (int l = 0; l < layerCount; l++) {
            String p = "model.layers." + l + ".";
            out.add(new Tensor(p + "input_layernorm.weight", dims(d), Role.NORM));
            out.add(new Tensor(p + "mlp.down_proj.weight", dims(d, mlp), Role.MATRIX));
            out.add(new Tensor(p + "mlp.gate_proj.weight", dims(mlp, d), Role.MATRIX));
            out.add(new Tensor(p + "mlp.up_proj.weight", dims(mlp, d), Role.MATRIX));
            out.add(new Tensor(p + "post_attention_layernorm.weight", dims(d), Role.NORM));
            if (sandwich) {
                out.add(new Tensor(p + "post_feedforward_layernorm.weight", dims(d), Role.NORM));
                out.add(new Tensor(p + "pre_feedforward_layernorm.weight", dims(d), Role.NORM));
            }
            if (qkNorm) {
                out.add(new Tensor(p + "self_attn.k_norm.weight", dims(headDim), Role.NORM));
            }
            out.add(new Tensor(p + "self_attn.k_proj.weight", dims(kvHeads * headDim, d), Role.MATRIX));
            out.add(new Tensor(p + "self_attn.o_proj.weight", dims(d, heads * headDim), Role.MATRIX));
            if (qkNorm) {
                out.add(new Tensor(p + "self_attn.q_norm.weight", dims(headDim), Role.NORM));
            }
            out.add(new Tensor(p + "self_attn.q_proj.weight", dims(heads * headDim, d), Role.MATRIX));
            out.add(new Tensor(p + "self_attn.v_proj.weight", dims(kvHeads * headDim, d), Role.MATRIX));
        }
        out.add(new Tensor("model.norm.weight", dims(d), Role.NORM));
        if (this == LLAMA_3_8B || this == QWEN3_1_7B) {
            out.add(new Tensor("lm_head.weight", dims(vocabSize, d), Role.MATRIX));
        }
        return out;
    }

    /** Gemma's norms scale by (1 + weight): their published weights sit around 0, the others' around 1. */
    boolean normsAroundZero() {
        return this == GEMMA_2_2B;
    }

    /**
     * The config.json for {@code layerCount} layers and {@code vocabSize} tokens; when the vocabulary is smaller
     * than the Hub's (tests), special tokens move to its top ids.
     */
    public JsonObject config(int layerCount, int vocabSize, String torchDtype) {
        JsonObject c = publishedConfig();
        c.addProperty(gpt2() ? "n_layer" : "num_hidden_layers", layerCount);
        if (c.has("max_window_layers")) {
            c.addProperty("max_window_layers", layerCount);
        }
        c.addProperty("vocab_size", vocabSize);
        c.addProperty("torch_dtype", torchDtype);
        for (Special special : specials) {
            for (String key : special.configKeys()) {
                c.addProperty(key, specialId(special, vocabSize));
            }
        }
        return c;
    }

    List<Special> specials() {
        return List.of(specials);
    }

    /** The id of a special token: the Hub's, or one of the top ids when the vocabulary is too small for it. */
    int specialId(Special special, int vocabSize) {
        if (special.hubId() < vocabSize) {
            return special.hubId();
        }
        return vocabSize - 1 - List.of(specials).indexOf(special);
    }

    /** The first id of the 256 byte tokens: after the low special ids (Gemma's 0-2). */
    int firstByteId() {
        return Arrays.stream(specials).mapToInt(Special::hubId).filter(id -> id < 256).map(id -> id + 1).max()
                .orElse(0);
    }

    /** tokenizer_config.json settings: whether the model expects a beginning-of-text token. */
    boolean addsBos() {
        return this == LLAMA_3_2_1B || this == LLAMA_3_8B || this == GEMMA_2_2B;
    }

    private static long[] dims(long... dims) {
        return dims;
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
