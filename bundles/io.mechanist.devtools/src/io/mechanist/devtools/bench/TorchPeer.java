package io.mechanist.devtools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * PyTorch eager on the same checkpoint, as the peer of {@link ModelBenchmark}: Debian's /usr/bin/python3 with
 * torch (python3-torch), with OpenBLAS's OpenMP build when installed (libopenblas0-openmp; Debian's default
 * pthreads build is slower) and without the OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE overrides some environments set,
 * which pin OpenBLAS to slower kernels. The model is a plain eager implementation (F.linear, matmul attention,
 * float32 weights widened from the file) with the same threads and the same work as Mechanist's run.
 */
final class TorchPeer {
    static final String PYTHON = "/usr/bin/python3";
    private static final Path OPENBLAS_OPENMP = Path.of("/usr/lib/x86_64-linux-gnu/openblas-openmp");

    /** The result of one peer run, or the reason it did not run. */
    record Result(Map<String, Double> figures, String skipped) {
        double get(String key) {
            return figures.getOrDefault(key, Double.NaN);
        }
    }

    private TorchPeer() {
    }

    /** Runs the peer; never throws for a missing python or torch, it reports them as skipped. */
    static Result run(Path checkpoint, int batch, int tokens, int prompts, int threads, long prefaultBytes,
            int rounds, Path scratch)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return new Result(Map.of(), PYTHON + " is absent");
        }
        Path script = scratch.resolve("torch_peer.py");
        Files.writeString(script, CHECKPOINT_PY + SCRIPT, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(PYTHON, script.toString(), checkpoint.toString(),
                String.valueOf(batch), String.valueOf(tokens), String.valueOf(prompts), String.valueOf(threads),
                scratch.resolve("torch-capture.bin").toString(), String.valueOf(prefaultBytes),
                String.valueOf(rounds)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        fastestBlas(builder.environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        String last = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (exit != 0 || last == null) {
            String tail = output.lines().reduce((a, b) -> b).orElse("no output");
            return new Result(Map.of(), exit == 3 ? "torch is not installed (apt install python3-torch)"
                    : "the peer failed (exit " + exit + "): " + tail);
        }
        JsonObject json = JsonParser.parseString(last).getAsJsonObject();
        Map<String, Double> figures = new java.util.LinkedHashMap<>();
        json.entrySet().forEach(e -> figures.put(e.getKey(), e.getValue().getAsDouble()));
        figures.put("openblasOpenmp", Files.isDirectory(OPENBLAS_OPENMP) ? 1.0 : 0.0);
        return new Result(figures, null);
    }

    /**
     * The peer's environment for its fastest configuration here: OpenBLAS's OpenMP build, its own CPU detection,
     * and transparent huge pages for large allocations (glibc's malloc tunable: PyTorch 1.13 predates libtorch's own
     * THP_MEM_ALLOC_ENABLE, which Mechanist's launcher sets; page faults on fresh activation memory cost the peer
     * about 40% of its CPU time without it, measured with a Llama-shaped MLP block).
     */
    static void fastestBlas(Map<String, String> env) {
        env.remove("OPENBLAS_CORETYPE");
        env.remove("OPENBLAS_L2_SIZE");
        String tunables = env.get("GLIBC_TUNABLES");
        if (tunables == null || tunables.isEmpty()) {
            env.put("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1");
        } else if (!tunables.contains("glibc.malloc.hugetlb")) {
            env.put("GLIBC_TUNABLES", tunables + ":glibc.malloc.hugetlb=1");
        }
        if (Files.isDirectory(OPENBLAS_OPENMP)) {
            String previous = env.get("LD_LIBRARY_PATH");
            env.put("LD_LIBRARY_PATH", OPENBLAS_OPENMP + (previous == null || previous.isEmpty() ? "" : ":" + previous));
        }
    }

    /**
     * Python both peers start with: the checkpoint's safetensors shards as float32 torch tensors (bf16 and f16
     * widened exactly, as Mechanist does) and the rotary inverse frequencies with Llama 3 scaling, so the forward
     * and the generation peer read a checkpoint the same way.
     */
    static final String CHECKPOINT_PY = """
            def load_weights(folder):
                index = os.path.join(folder, "model.safetensors.index.json")
                shards = (sorted(set(json.load(open(index))["weight_map"].values())) if os.path.exists(index)
                          else ["model.safetensors"])
                W = {}
                for shard in shards:
                    raw = np.memmap(os.path.join(folder, shard), dtype=np.uint8, mode="r")
                    n = int(np.frombuffer(raw[:8].tobytes(), "<u8")[0])
                    header = json.loads(raw[8:8 + n].tobytes())
                    for name, info in header.items():
                        if name == "__metadata__":
                            continue
                        a, b = info["data_offsets"]
                        data = raw[8 + n + a:8 + n + b]
                        if info["dtype"] == "BF16":
                            array = (np.frombuffer(data, "<u2").astype(np.uint32) << 16).view(np.float32)
                        elif info["dtype"] == "F16":
                            array = np.frombuffer(data, "<f2").astype(np.float32)
                        else:
                            array = np.array(np.frombuffer(data, "<f4"))
                        W[name] = torch.from_numpy(array).reshape(info["shape"])
                return W

            def rope_inv_freq(cfg, hd):
                theta = cfg.get("rope_theta", 10000.0)
                inv = 1.0 / theta ** (torch.arange(0, hd, 2, dtype=torch.float64) / hd)
                scaling = cfg.get("rope_scaling")
                if scaling and scaling.get("rope_type") == "llama3":
                    f, lo, hi, old = (scaling["factor"], scaling["low_freq_factor"], scaling["high_freq_factor"],
                                      scaling["original_max_position_embeddings"])
                    wavelen = 2 * math.pi / inv
                    smooth = (old / wavelen - lo) / (hi - lo)
                    scaled = torch.where(wavelen > old / lo, inv / f, inv)
                    mid = (wavelen <= old / lo) & (wavelen >= old / hi)
                    inv = torch.where(mid, (1 - smooth) * inv / f + smooth * inv, scaled)
                return inv

            """;

    private static final String SCRIPT = """
            import gc, json, math, os, sys, time
            try:
                import numpy as np
                import torch
                import torch.nn.functional as F
            except ImportError:
                sys.exit(3)

            folder, B, T, P, threads, capture_file = sys.argv[1], *map(int, sys.argv[2:6]), sys.argv[6]
            prefault, rounds = int(sys.argv[7]), int(sys.argv[8])
            torch.set_num_threads(threads)
            torch.set_grad_enabled(False)
            cfg = json.load(open(os.path.join(folder, "config.json")))
            gpt2 = cfg["model_type"] == "gpt2"
            gemma = cfg["model_type"] == "gemma2"
            qwen3 = cfg["model_type"] == "qwen3"

            def sgemm_rate():
                a, b, best = torch.randn(1024, 768), torch.randn(768, 3072), 0.0
                cpu = time.process_time()
                for _ in range(12):
                    start = time.perf_counter(); a @ b
                    best = max(best, 2 * 1024 * 768 * 3072 / (time.perf_counter() - start) / 1e9)
                return best, 12 * 2 * 1024 * 768 * 3072 / (time.process_time() - cpu) / 1e9

            def reset_peak():  # as ModelBenchmark.resetPeak: VmHWM back to the current RSS
                try:
                    with open("/proc/self/clear_refs", "w") as refs:
                        refs.write("5")
                except OSError:
                    pass

            def peak_bytes():
                with open("/proc/self/status") as status:
                    for line in status:
                        if line.startswith("VmHWM:"):
                            return int(line.split()[1]) * 1024
                return -1

            rate, rate_per_cpu = sgemm_rate()
            if prefault:  # the memory state Mechanist's load starts from (ModelBenchmark.touchAndFree)
                touched = np.ones(prefault // 4, dtype=np.float32)
                del touched
            reset_peak()
            start = time.perf_counter()
            W = load_weights(folder)
            load_s = time.perf_counter() - start

            if gpt2:
                L, H, d = cfg["n_layer"], cfg["n_head"], cfg["n_embd"]
                KV, hd = H, d // H
            else:
                L, H, d = cfg["num_hidden_layers"], cfg["num_attention_heads"], cfg["hidden_size"]
                KV = cfg.get("num_key_value_heads", H)
                hd = cfg.get("head_dim") or d // H
                inv = rope_inv_freq(cfg, hd)
                angles = torch.outer(torch.arange(T, dtype=torch.float64), inv)
                cos = torch.cat([angles.cos(), angles.cos()], -1).float()
                sin = torch.cat([angles.sin(), angles.sin()], -1).float()
            eps = cfg.get("rms_norm_eps", cfg.get("layer_norm_epsilon", 1e-5))
            scale = cfg.get("query_pre_attn_scalar", hd) ** -0.5 if gemma else hd ** -0.5
            mask = torch.full((T, T), float("-inf")).triu(1)

            def unembedding():
                tied = cfg.get("tie_word_embeddings", gemma or gpt2)
                return W["wte.weight" if gpt2 else "model.embed_tokens.weight"] if tied else W["lm_head.weight"]
            unembed = unembedding()

            def rms(x, w):
                x = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps)
                return x * (1 + w) if gemma else x * w

            def rotate(x):
                half = x.shape[-1] // 2
                return x * cos + torch.cat([-x[..., half:], x[..., :half]], -1) * sin

            def attend(q, k, v, b):
                q = q.view(b, T, H, hd).transpose(1, 2)
                k = k.view(b, T, KV, hd).transpose(1, 2)
                v = v.view(b, T, KV, hd).transpose(1, 2)
                return q, k, v

            def mix(q, k, v, b):
                if KV != H:
                    k = k.repeat_interleave(H // KV, 1)
                    v = v.repeat_interleave(H // KV, 1)
                s = q @ k.transpose(-1, -2) * scale
                if gemma:
                    s = torch.tanh(s / 50.0) * 50.0
                return (torch.softmax(s + mask, -1) @ v).transpose(1, 2).reshape(b, T, H * hd)

            def forward(ids, sink):
                b = ids.shape[0]
                if gpt2:
                    x = W["wte.weight"][ids] + W["wpe.weight"][:T]
                else:
                    x = W["model.embed_tokens.weight"][ids]
                    if gemma:
                        x = x * torch.tensor(d ** 0.5)
                for l in range(L):
                    if gpt2:
                        p = "h.%d." % l
                        h = F.layer_norm(x, (d,), W[p + "ln_1.weight"], W[p + "ln_1.bias"], eps)
                        q, k, v = torch.addmm(W[p + "attn.c_attn.bias"], h.view(-1, d),
                                              W[p + "attn.c_attn.weight"]).view(b, T, 3 * d).split(d, -1)
                        q, k, v = attend(q, k, v, b)
                        o = mix(q, k, v, b)
                        x = x + torch.addmm(W[p + "attn.c_proj.bias"], o.view(-1, d), W[p + "attn.c_proj.weight"]).view(b, T, d)
                        h = F.layer_norm(x, (d,), W[p + "ln_2.weight"], W[p + "ln_2.bias"], eps)
                        m = F.gelu(torch.addmm(W[p + "mlp.c_fc.bias"], h.view(-1, d), W[p + "mlp.c_fc.weight"]),
                                   approximate="tanh")
                        x = x + torch.addmm(W[p + "mlp.c_proj.bias"], m, W[p + "mlp.c_proj.weight"]).view(b, T, d)
                    else:
                        p = "model.layers.%d." % l
                        h = rms(x, W[p + "input_layernorm.weight"])
                        q, k, v = attend(F.linear(h, W[p + "self_attn.q_proj.weight"]),
                                         F.linear(h, W[p + "self_attn.k_proj.weight"]),
                                         F.linear(h, W[p + "self_attn.v_proj.weight"]), b)
                        if qwen3:
                            q, k = rms(q, W[p + "self_attn.q_norm.weight"]), rms(k, W[p + "self_attn.k_norm.weight"])
                        o = F.linear(mix(rotate(q), rotate(k), v, b), W[p + "self_attn.o_proj.weight"])
                        if gemma:
                            o = rms(o, W[p + "post_attention_layernorm.weight"])
                        x = x + o
                        h = rms(x, W[p + ("pre_feedforward_layernorm.weight" if gemma else "post_attention_layernorm.weight")])
                        g = F.linear(h, W[p + "mlp.gate_proj.weight"])
                        g = F.gelu(g, approximate="tanh") if gemma else F.silu(g)
                        m = F.linear(g * F.linear(h, W[p + "mlp.up_proj.weight"]), W[p + "mlp.down_proj.weight"])
                        if gemma:
                            m = rms(m, W[p + "post_feedforward_layernorm.weight"])
                        x = x + m
                    if sink is not None:
                        sink.write(x.to(torch.float16).numpy().tobytes())
                last = x[:, -1]
                last = F.layer_norm(last, (d,), W["ln_f.weight"], W["ln_f.bias"], eps) if gpt2 else rms(last, W["model.norm.weight"])
                logits = F.linear(last, unembed)
                return torch.tanh(logits / 30.0) * 30.0 if gemma else logits

            generator = torch.Generator().manual_seed(1)
            batches = [torch.randint(0, 256, (B, T), generator=generator) for _ in range(max(1, P // B))]
            forward(batches[0], None)

            kernel_shares = {}

            def timed(sink):
                start, cpu, times = time.perf_counter(), time.process_time(), os.times()
                for ids in batches:
                    forward(ids, sink)
                count = len(batches) * B * T
                used, after = time.process_time() - cpu, os.times()
                rate = count / used
                if rate >= kernel_shares.get(sink is None, (0.0, 0.0))[0]:  # the share of the best round
                    kernel_shares[sink is None] = (rate, (after.system - times.system) / used)
                return count / (time.perf_counter() - start), rate

            bare = bare_cpu = captured = captured_cpu = 0.0
            for _ in range(rounds):  # the best of each, as Mechanist's side reports it
                wall, cpu = timed(None)
                bare, bare_cpu = max(bare, wall), max(bare_cpu, cpu)
            forward_peak, capture_peak = peak_bytes(), 0
            for _ in range(rounds):
                # As Mechanist's capture runs: the model freed, loaded again, and timed from its first batch.
                W = unembed = None
                gc.collect()
                reset_peak()
                W = load_weights(folder)
                unembed = unembedding()
                with open(capture_file, "wb") as sink:
                    wall, cpu = timed(sink)
                captured, captured_cpu = max(captured, wall), max(captured_cpu, cpu)
                capture_peak = max(capture_peak, peak_bytes())
                os.remove(capture_file)
            print(json.dumps({"torch": float(torch.__version__.split(".")[0] + "." + torch.__version__.split(".")[1]),
                              "threads": torch.get_num_threads(), "sgemmGflops": rate, "sgemmPerCpu": rate_per_cpu,
                              "loadSeconds": load_s,
                              "forwardTokensPerSecond": bare, "captureTokensPerSecond": captured,
                              "forwardPerCpuSecond": bare_cpu, "capturePerCpuSecond": captured_cpu,
                              "forwardPeakBytes": forward_peak, "capturePeakBytes": capture_peak,
                              "forwardKernelShare": kernel_shares[True][1],
                              "captureKernelShare": kernel_shares[False][1]}))
            """;
}
