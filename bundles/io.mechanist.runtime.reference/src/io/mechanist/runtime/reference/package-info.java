/**
 * A double-precision reference forward pass with Hugging Face transformers semantics, for checking faster runtimes.
 *
 * <p>{@link io.mechanist.runtime.reference.ReferenceModel#load} reads a checkpoint folder (config.json and
 * safetensors, single or sharded, f32/f16/bf16/f64) of GPT-2 or a Llama-family model (Llama incl. Llama 3 rope
 * scaling, Mistral, Qwen2, Qwen3, Gemma 2, Gemma 3 text). {@link io.mechanist.runtime.reference.ReferenceModel#run}
 * runs one prompt and returns every hook site ({@link io.mechanist.runtime.reference.ReferenceForward}), optionally
 * with {@link io.mechanist.runtime.reference.ActivationEdit}s (steering, ablation, patching) at sites.
 *
 * <p>Numerics: all arithmetic in double, except where Hugging Face itself fixes a float32 value whatever the model
 * dtype: RoPE inverse frequencies and angles (position * inverse frequency) are rounded to float32 as in HF's
 * rotary embedding. Gemma's embedding normalizer is rounded to the compute dtype given at load (default float32).
 */
package io.mechanist.runtime.reference;
