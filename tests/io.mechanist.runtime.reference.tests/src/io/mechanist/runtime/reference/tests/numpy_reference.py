"""Independent numpy forward pass for the tiny test checkpoints (float64 throughout).

Usage: python3 numpy_reference.py CHECKPOINT_DIR TOKEN_IDS(comma separated) OUTPUT_JSON

Writes {"sites": {hook id: [[...]]} (per-head attn_q/k/v/z as [pos][head * d_head]), "patterns": {layer: [head][query][key]}}. Follows the Hugging Face
transformers semantics of GPT2LMHeadModel and the Llama-style decoders (Llama, Mistral, Qwen2, Qwen3, Gemma 2,
Gemma 3 text), vectorised over positions and heads.
"""
import json
import math
import os
import struct
import sys

import numpy as np

# ---------------------------------------------------------------- weights


def _decode(raw, dtype, shape):
    if dtype == "F32":
        arr = np.frombuffer(raw, dtype="<f4").astype(np.float64)
    elif dtype == "F64":
        arr = np.frombuffer(raw, dtype="<f8").astype(np.float64)
    elif dtype == "F16":
        arr = np.frombuffer(raw, dtype="<f2").astype(np.float64)
    elif dtype == "BF16":
        bits = np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16
        arr = bits.view(np.float32).astype(np.float64)
    else:
        raise ValueError("unsupported dtype " + dtype)
    return arr.reshape(shape)


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (header_len,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + header_len].decode("utf-8"))
    base = 8 + header_len
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        out[name] = _decode(data[base + start:base + end], info["dtype"], info["shape"])
    return out


def read_weights(folder):
    index = os.path.join(folder, "model.safetensors.index.json")
    if os.path.exists(index):
        with open(index) as f:
            weight_map = json.load(f)["weight_map"]
        tensors = {}
        for shard in sorted(set(weight_map.values())):
            tensors.update(read_safetensors(os.path.join(folder, shard)))
        return tensors
    return read_safetensors(os.path.join(folder, "model.safetensors"))


# ---------------------------------------------------------------- maths


def f32(x):
    return np.float32(x)


def gelu_tanh(x):
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * np.power(x, 3))))


def gelu_erf(x):
    return 0.5 * x * (1.0 + np.vectorize(math.erf)(x / math.sqrt(2.0)))


ACTIVATIONS = {
    "silu": lambda x: x / (1.0 + np.exp(-x)),
    "swish": lambda x: x / (1.0 + np.exp(-x)),
    "gelu": gelu_erf,
    "gelu_new": gelu_tanh,
    "gelu_fast": gelu_tanh,
    "gelu_pytorch_tanh": gelu_tanh,
    "relu": lambda x: np.maximum(x, 0.0),
}


def layer_norm(x, w, b, eps):
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def rms_norm(x, w, eps, plus_one):
    scale = (1.0 + w) if plus_one else w
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * scale


def softmax_rows(scores, allowed):
    masked = np.where(allowed, scores, -np.inf)
    top = masked.max(axis=-1, keepdims=True)
    e = np.where(allowed, np.exp(masked - top), 0.0)
    return e / e.sum(axis=-1, keepdims=True)


def mask(n, window):
    q = np.arange(n)[:, None]
    k = np.arange(n)[None, :]
    ok = k <= q
    if window:
        ok = ok & (q - k < window)
    return ok


def rope_inv_freq(head_dim, spec):
    """Inverse frequencies as HF builds them (float32 buffer), with linear / llama3 scaling."""
    exps = (np.arange(0, head_dim, 2, dtype=np.float64) / head_dim).astype(np.float32)
    powers = np.power(float(spec["theta"]), exps.astype(np.float64)).astype(np.float32)
    inv = (1.0 / powers.astype(np.float64)).astype(np.float32).astype(np.float64)
    kind = spec["type"]
    if kind == "linear":
        inv = (inv / spec["factor"]).astype(np.float32).astype(np.float64)
    elif kind == "llama3":
        factor = spec["factor"]
        low, high = spec["low_freq_factor"], spec["high_freq_factor"]
        old = spec["original_max_position_embeddings"]
        wavelen = 2 * math.pi / inv
        slow = np.where(wavelen > old / low, inv / factor, inv)
        ratio = (old / wavelen - low) / (high - low)
        blended = (1 - ratio) * slow / factor + ratio * slow
        middle = (wavelen >= old / high) & (wavelen <= old / low)
        inv = np.where(middle, blended, slow).astype(np.float32).astype(np.float64)
    elif kind != "default":
        raise ValueError("rope type " + kind)
    return inv


def apply_rope(x, inv):
    """x: [heads, pos, head_dim]. Pairs (i, i + half) as a complex number rotated by pos * inv[i]."""
    half = x.shape[-1] // 2
    pos = np.arange(x.shape[1], dtype=np.float32)
    angles = (pos[:, None] * inv.astype(np.float32)[None, :]).astype(np.float64)  # float32 product, as HF
    z = (x[..., :half] + 1j * x[..., half:]) * np.exp(1j * angles)[None, :, :]
    return np.concatenate([z.real, z.imag], axis=-1)


# ---------------------------------------------------------------- configs


def get(cfg, key, default):
    return cfg[key] if key in cfg else default


def rope_from(scaling, theta):
    if scaling is None:
        return {"type": "default", "theta": theta}
    kind = scaling.get("rope_type", scaling.get("type", "default"))
    spec = dict(scaling)
    spec["type"] = kind
    spec["theta"] = scaling.get("rope_theta", theta)
    return spec


def layer_kinds(cfg, mt, n):
    if cfg.get("layer_types") is not None:
        return list(cfg["layer_types"])
    if mt == "mistral":
        return ["sliding_attention" if get(cfg, "sliding_window", 4096) is not None else "full_attention"] * n
    if mt in ("qwen2", "qwen3"):
        on = cfg.get("use_sliding_window", False) and get(cfg, "sliding_window", 4096) is not None
        first = get(cfg, "max_window_layers", 28)
        return ["sliding_attention" if on and i >= first else "full_attention" for i in range(n)]
    if mt == "gemma2":
        return ["full_attention" if i % 2 else "sliding_attention" for i in range(n)]
    if mt == "gemma3_text":
        period = cfg.get("sliding_window_pattern", cfg.get("_sliding_window_pattern", 6))
        return ["full_attention" if (i + 1) % period == 0 else "sliding_attention" for i in range(n)]
    return ["full_attention"] * n


# ---------------------------------------------------------------- models


def run_gpt2(cfg, W, ids):
    pre = "transformer." if "transformer.wte.weight" in W else ""
    d = cfg["n_embd"]
    nh = cfg["n_head"]
    hd = d // nh
    eps = get(cfg, "layer_norm_epsilon", 1e-5)
    act = ACTIVATIONS[get(cfg, "activation_function", "gelu_new")]
    n = len(ids)
    sites, patterns = {}, {}
    x = W[pre + "wte.weight"][ids] + W[pre + "wpe.weight"][:n]
    sites["embed"] = x
    allowed = mask(n, 0)
    for layer in range(cfg["n_layer"]):
        p = "%sh.%d." % (pre, layer)
        sites["blocks.%d.resid_pre" % layer] = x
        a = layer_norm(x, W[p + "ln_1.weight"], W[p + "ln_1.bias"], eps)
        qkv = a @ W[p + "attn.c_attn.weight"] + W[p + "attn.c_attn.bias"]   # Conv1D: x @ W[in, out]
        q, k, v = np.split(qkv, 3, axis=-1)
        for name, t in (("q", q), ("k", k), ("v", v)):
            sites["blocks.%d.attn_%s" % (layer, name)] = t
        q, k, v = (t.reshape(n, nh, hd).transpose(1, 0, 2) for t in (q, k, v))
        scale = 1.0 / math.sqrt(hd) if get(cfg, "scale_attn_weights", True) else 1.0
        if get(cfg, "scale_attn_by_inverse_layer_idx", False):
            scale /= layer + 1
        probs = softmax_rows(q @ k.transpose(0, 2, 1) * scale, allowed[None])
        patterns[layer] = probs
        merged = (probs @ v).transpose(1, 0, 2).reshape(n, d)
        sites["blocks.%d.attn_z" % layer] = merged
        attn = merged @ W[p + "attn.c_proj.weight"] + W[p + "attn.c_proj.bias"]
        sites["blocks.%d.attn_out" % layer] = attn
        x = x + attn
        sites["blocks.%d.resid_mid" % layer] = x
        m = layer_norm(x, W[p + "ln_2.weight"], W[p + "ln_2.bias"], eps)
        hidden = act(m @ W[p + "mlp.c_fc.weight"] + W[p + "mlp.c_fc.bias"])
        sites["blocks.%d.mlp_post" % layer] = hidden
        mlp = hidden @ W[p + "mlp.c_proj.weight"] + W[p + "mlp.c_proj.bias"]
        sites["blocks.%d.mlp_out" % layer] = mlp
        x = x + mlp
        sites["blocks.%d.resid_post" % layer] = x
    f = layer_norm(x, W[pre + "ln_f.weight"], W[pre + "ln_f.bias"], eps)
    sites["final_norm"] = f
    head = W[pre + "wte.weight"] if get(cfg, "tie_word_embeddings", True) else W["lm_head.weight"]
    sites["logits"] = f @ head.T
    return sites, patterns


def run_decoder(cfg, W, ids):
    mt = cfg["model_type"]
    gemma = mt in ("gemma2", "gemma3_text")
    d = cfg["hidden_size"]
    nh = cfg["num_attention_heads"]
    nkv = get(cfg, "num_key_value_heads", nh)
    default_hd = {"qwen3": 128, "gemma2": 256, "gemma3_text": 256}.get(mt)
    hd = get(cfg, "head_dim", default_hd) or d // nh
    eps = get(cfg, "rms_norm_eps", 1e-6)
    nl = cfg["num_hidden_layers"]
    if gemma:
        act = ACTIVATIONS[cfg.get("hidden_activation") or cfg.get("hidden_act") or "gelu_pytorch_tanh"]
    else:
        act = ACTIVATIONS[get(cfg, "hidden_act", "silu")]
    kinds = layer_kinds(cfg, mt, nl)
    window = cfg.get("sliding_window") if "sliding_window" in cfg else 4096
    theta = get(cfg, "rope_theta", 1e6 if mt == "gemma3_text" else 1e4)
    global_rope = rope_from(cfg.get("rope_scaling"), theta)
    local_rope = rope_from(None, get(cfg, "rope_local_base_freq", 1e4)) if mt == "gemma3_text" else global_rope
    if gemma:
        scale = get(cfg, "query_pre_attn_scalar", 256) ** -0.5
    else:
        scale = hd ** -0.5
    attn_cap = get(cfg, "attn_logit_softcapping", 50.0 if mt == "gemma2" else None) if gemma else None
    final_cap = get(cfg, "final_logit_softcapping", 30.0 if mt == "gemma2" else None) if gemma else None
    qk_norm = mt in ("qwen3", "gemma3_text")
    biased = mt not in ("qwen2", "mistral") and cfg.get("attention_bias", False)
    qkv_bias = mt == "qwen2" or biased
    o_bias = biased
    tie = get(cfg, "tie_word_embeddings", gemma)

    def norm(x, name):
        return rms_norm(x, W[name], eps, gemma)

    def proj(x, name, bias):
        y = x @ W[name + ".weight"].T
        return y + W[name + ".bias"] if bias else y

    n = len(ids)
    sites, patterns = {}, {}
    x = W["model.embed_tokens.weight"][ids]
    if gemma:
        x = x * float(f32(math.sqrt(d)))   # HF casts the normalizer to the (float32) model dtype
    sites["embed"] = x
    group = nh // nkv
    for layer in range(nl):
        p = "model.layers.%d." % layer
        sliding = kinds[layer] == "sliding_attention"
        sites["blocks.%d.resid_pre" % layer] = x
        h = norm(x, p + "input_layernorm.weight")
        q = proj(h, p + "self_attn.q_proj", qkv_bias).reshape(n, nh, hd).transpose(1, 0, 2)
        k = proj(h, p + "self_attn.k_proj", qkv_bias).reshape(n, nkv, hd).transpose(1, 0, 2)
        v = proj(h, p + "self_attn.v_proj", qkv_bias).reshape(n, nkv, hd).transpose(1, 0, 2)
        if qk_norm:
            q = norm(q, p + "self_attn.q_norm.weight")
            k = norm(k, p + "self_attn.k_norm.weight")
        # q, k per head after any q/k norm and before the rotary embedding (TransformerLens's hook_q / hook_k)
        for name, t in (("q", q), ("k", k), ("v", v)):
            sites["blocks.%d.attn_%s" % (layer, name)] = t.transpose(1, 0, 2).reshape(n, -1)
        inv = rope_inv_freq(hd, local_rope if sliding else global_rope)
        q, k = apply_rope(q, inv), apply_rope(k, inv)
        k = np.repeat(k, group, axis=0)
        v = np.repeat(v, group, axis=0)
        scores = q @ k.transpose(0, 2, 1) * scale
        if attn_cap is not None:
            scores = attn_cap * np.tanh(scores / attn_cap)
        probs = softmax_rows(scores, mask(n, window if sliding else 0)[None])
        patterns[layer] = probs
        merged = (probs @ v).transpose(1, 0, 2).reshape(n, nh * hd)
        sites["blocks.%d.attn_z" % layer] = merged
        attn = proj(merged, p + "self_attn.o_proj", o_bias)
        if gemma:
            attn = norm(attn, p + "post_attention_layernorm.weight")
            pre_mlp = p + "pre_feedforward_layernorm.weight"
        else:
            pre_mlp = p + "post_attention_layernorm.weight"
        sites["blocks.%d.attn_out" % layer] = attn
        x = x + attn
        sites["blocks.%d.resid_mid" % layer] = x
        m = norm(x, pre_mlp)
        hidden = act(m @ W[p + "mlp.gate_proj.weight"].T) * (m @ W[p + "mlp.up_proj.weight"].T)
        sites["blocks.%d.mlp_post" % layer] = hidden
        mlp = hidden @ W[p + "mlp.down_proj.weight"].T
        if gemma:
            mlp = norm(mlp, p + "post_feedforward_layernorm.weight")
        sites["blocks.%d.mlp_out" % layer] = mlp
        x = x + mlp
        sites["blocks.%d.resid_post" % layer] = x
    f = norm(x, "model.norm.weight")
    sites["final_norm"] = f
    head = W["model.embed_tokens.weight"] if tie else W["lm_head.weight"]
    logits = f @ head.T
    if final_cap is not None:
        logits = final_cap * np.tanh(logits / final_cap)
    sites["logits"] = logits
    return sites, patterns


def main():
    folder, ids_text, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
    ids = np.array([int(t) for t in ids_text.split(",")], dtype=np.int64)
    with open(os.path.join(folder, "config.json")) as f:
        cfg = json.load(f)
    W = read_weights(folder)
    if cfg["model_type"] == "gpt2":
        sites, patterns = run_gpt2(cfg, W, ids)
    else:
        sites, patterns = run_decoder(cfg, W, ids)
    result = {
        "sites": {k: np.asarray(v, dtype=np.float64).tolist() for k, v in sites.items()},
        "patterns": {str(k): np.asarray(v, dtype=np.float64).tolist() for k, v in patterns.items()},
    }
    with open(out_path, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
