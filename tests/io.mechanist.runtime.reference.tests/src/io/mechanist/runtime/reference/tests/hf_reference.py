"""Forward pass of a checkpoint folder through Hugging Face transformers itself (PyTorch, eager attention).

Usage: python hf_reference.py CHECKPOINT_DIR TOKEN_IDS(comma separated) OUTPUT_JSON DTYPE(float64|float32)

Writes the sites HF exposes directly: hidden_states[l] = blocks.l.resid_pre (hidden_states[0] = embed), the last
hidden state = final_norm, logits, and the attention probabilities per layer.
"""
import json
import sys

import torch
from transformers import AutoModelForCausalLM


def main():
    folder, ids_text, out_path, dtype_name = sys.argv[1:5]
    dtype = {"float64": torch.float64, "float32": torch.float32}[dtype_name]
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=dtype, attn_implementation="eager")
    model.eval()
    ids = torch.tensor([[int(t) for t in ids_text.split(",")]])
    with torch.no_grad():
        out = model(ids, output_hidden_states=True, output_attentions=True)
    states = out.hidden_states
    layers = len(states) - 1
    sites = {"embed": states[0][0].double().tolist()}
    for layer in range(layers):
        sites["blocks.%d.resid_pre" % layer] = states[layer][0].double().tolist()
    sites["final_norm"] = states[layers][0].double().tolist()
    sites["logits"] = out.logits[0].double().tolist()
    patterns = {str(layer): a[0].double().tolist() for layer, a in enumerate(out.attentions)}
    with open(out_path, "w") as f:
        json.dump({"sites": sites, "patterns": patterns}, f)


if __name__ == "__main__":
    main()
