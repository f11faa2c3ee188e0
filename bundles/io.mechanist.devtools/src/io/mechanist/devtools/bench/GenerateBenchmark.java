package io.mechanist.devtools.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.djl.DjlEngines;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.generate.GenerationResult;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.synthetic.PublishedShape;
import io.mechanist.runtime.synthetic.RandomCheckpoint;

/**
 * Greedy generation with the KV cache at a published model shape (random weights), against PyTorch eager running
 * the same loop with its own key/value cache ({@code past_key_values}: keys and values concatenated each step, as
 * Hugging Face's cache does) on the same checkpoint, prompts and threads, in the same run. Prints tokens/s of both
 * (wall and per CPU-second), the ratio, and whether the two produced the same tokens.
 *
 * <p>Usage: {@code GenerateBenchmark SHAPE [--layers N] [--batch B] [--prompt-tokens T] [--new-tokens N] [--dir DIR]
 * [--no-peer] [--weights auto|f32|compact|SIZE]}; defaults: 4 layers, batch 1, 128 prompt tokens, 64 new tokens.
 */
public final class GenerateBenchmark {

    private GenerateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, "GenerateBenchmark SHAPE [--layers N] [--batch B] "
                + "[--prompt-tokens T] [--new-tokens N] [--dir DIR] [--no-peer] [--weights auto|f32|compact|SIZE]",
                Set.of("--layers", "--batch", "--prompt-tokens", "--new-tokens", "--dir"), Set.of("--no-peer"));
        PublishedShape shape = arguments.shape();
        int layers = arguments.intOr("--layers", Math.min(4, shape.publishedLayers()));
        int batch = arguments.intOr("--batch", 1);
        int promptTokens = arguments.intOr("--prompt-tokens", 128);
        int newTokens = arguments.intOr("--new-tokens", 64);
        Path dir = arguments.dir();
        boolean peer = !arguments.has("--no-peer");
        dir = ModelBenchmark.writtenOnce(new RandomCheckpoint(shape).layers(layers), shape, layers, dir);
        int threads = DjlEngines.intraOpThreads();
        System.out.printf("machine: %s, %d cores; load average %s; %s%n", ModelBenchmark.cpuModel(),
                Runtime.getRuntime().availableProcessors(), ModelBenchmark.loadAverage(), DjlEngines.threadSettings());
        System.out.printf("model: %s, %d layers, %s; greedy generation, batch %d, %d prompt tokens, %d new tokens%n",
                shape.id(), layers, dir, batch, promptTokens, newTokens);

        List<long[]> prompts = randomPrompts(batch, promptTokens);
        GenerationSettings settings = GenerationSettings.greedy(newTokens).withStopTokens(); // no early stop
        long[][] mechanistTokens;
        double tokensPerSecond;
        double perCpuSecond;
        try (HookedTransformer model = HookedTransformer.load(dir)) {
            System.out.println("weights: " + (model.compactWeightsReason() == null ? "float32"
                    : "bf16 kept compact, widened layer by layer (" + model.compactWeightsReason() + ")"));
            generate(model, prompts, GenerationSettings.greedy(Math.min(4, newTokens)).withStopTokens()); // warm-up
            double cpu = cpuSeconds();
            long start = System.nanoTime();
            List<GenerationResult> results = generate(model, prompts, settings);
            double seconds = (System.nanoTime() - start) / 1e9;
            tokensPerSecond = batch * (double) newTokens / seconds;
            perCpuSecond = batch * (double) newTokens / (cpuSeconds() - cpu);
            mechanistTokens = results.stream().map(GenerationResult::generatedTokens).toArray(long[][]::new);
        }
        System.out.printf("mechanist (KV cache): %.2f tokens/s (%.2f per CPU-second), prompt pass included%n",
                tokensPerSecond, perCpuSecond);
        if (!peer) {
            System.out.println("pytorch eager: not run (--no-peer)");
            return;
        }
        Path scratch = Files.createTempDirectory("mechanist-generate-bench");
        try {
            Map<String, Object> torch = runPeer(dir, prompts, newTokens, threads, scratch);
            if (torch.containsKey("skipped")) {
                System.out.println("pytorch eager: skipped, " + torch.get("skipped"));
                return;
            }
            double torchRate = (Double) torch.get("tokensPerSecond");
            double torchPerCpu = (Double) torch.get("perCpuSecond");
            long[][] torchTokens = (long[][]) torch.get("tokens");
            int same = 0;
            for (int b = 0; b < batch; b++) {
                same += Arrays.equals(mechanistTokens[b], torchTokens[b]) ? 1 : 0;
            }
            System.out.printf("pytorch eager (past_key_values, %d threads): %.2f tokens/s (%.2f per CPU-second)%n",
                    threads, torchRate, torchPerCpu);
            System.out.printf("ratio mechanist / pytorch eager (>= 1.0 is as fast): %.2fx wall, %.2fx CPU; same "
                    + "greedy tokens in %d of %d prompts%n", tokensPerSecond / torchRate, perCpuSecond / torchPerCpu,
                    same, batch);
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(scratch);
            System.out.printf("load average at the end: %s%n", ModelBenchmark.loadAverage());
        }
    }

    private static List<GenerationResult> generate(HookedTransformer model, List<long[]> prompts,
            GenerationSettings settings) {
        return model.generate(prompts, settings, InterventionPlan.none(), Set.of(), null, null, null);
    }

    /** Random byte tokens (the generated tokenizer is byte-level). */
    private static List<long[]> randomPrompts(int count, int tokens) {
        Random random = new Random(3);
        List<long[]> prompts = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            long[] ids = new long[tokens];
            for (int t = 0; t < tokens; t++) {
                ids[t] = random.nextInt(256);
            }
            prompts.add(ids);
        }
        return prompts;
    }

    /** Runs the python peer; reports "skipped" instead of throwing when python or torch is missing. */
    private static Map<String, Object> runPeer(Path checkpoint, List<long[]> prompts, int newTokens, int threads,
            Path scratch) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(TorchPeer.PYTHON))) {
            return Map.of("skipped", TorchPeer.PYTHON + " is absent");
        }
        Path script = scratch.resolve("torch_generate.py");
        Files.writeString(script, TorchPeer.CHECKPOINT_PY + SCRIPT, StandardCharsets.UTF_8);
        Path promptFile = scratch.resolve("prompts.txt");
        Files.writeString(promptFile, prompts.stream().map(p -> Arrays.stream(p).mapToObj(Long::toString)
                .collect(Collectors.joining(" "))).collect(Collectors.joining("\n")) + "\n");
        ProcessBuilder builder = new ProcessBuilder(TorchPeer.PYTHON, script.toString(), checkpoint.toString(),
                promptFile.toString(), String.valueOf(newTokens), String.valueOf(threads)).redirectErrorStream(true);
        TorchPeer.fastestBlas(builder.environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        String last = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
        if (exit != 0 || last == null) {
            return Map.of("skipped", exit == 3 ? "torch is not installed (apt install python3-torch)"
                    : "the peer failed (exit " + exit + "): " + output.lines().reduce((a, b) -> b).orElse("no output"));
        }
        JsonObject json = JsonParser.parseString(last).getAsJsonObject();
        long[][] tokens = new long[prompts.size()][];
        for (int b = 0; b < tokens.length; b++) {
            var row = json.getAsJsonArray("tokens").get(b).getAsJsonArray();
            tokens[b] = new long[row.size()];
            for (int i = 0; i < row.size(); i++) {
                tokens[b][i] = row.get(i).getAsLong();
            }
        }
        return Map.of("tokensPerSecond", json.get("tokensPerSecond").getAsDouble(), "perCpuSecond",
                json.get("perCpuSecond").getAsDouble(), "tokens", tokens);
    }

    private static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** The peer: the same architectures as {@link TorchPeer}'s forward, with a key/value cache per layer. */
    private static final String SCRIPT = """
            import json, math, os, sys, time
            try:
                import numpy as np
                import torch
                import torch.nn.functional as F
            except ImportError:
                sys.exit(3)

            folder, prompt_file, N, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
            torch.set_num_threads(threads)
            torch.set_grad_enabled(False)
            prompts = torch.tensor([[int(t) for t in line.split()] for line in open(prompt_file) if line.strip()])
            B, T = prompts.shape
            cfg = json.load(open(os.path.join(folder, "config.json")))
            gpt2 = cfg["model_type"] == "gpt2"
            gemma = cfg["model_type"] == "gemma2"
            qwen3 = cfg["model_type"] == "qwen3"

            W = load_weights(folder)

            if gpt2:
                L, H, d = cfg["n_layer"], cfg["n_head"], cfg["n_embd"]
                KV, hd = H, d // H
            else:
                L, H, d = cfg["num_hidden_layers"], cfg["num_attention_heads"], cfg["hidden_size"]
                KV = cfg.get("num_key_value_heads", H)
                hd = cfg.get("head_dim") or d // H
                inv = rope_inv_freq(cfg, hd)
                angles = torch.outer(torch.arange(T + N, dtype=torch.float64), inv)
                COS = torch.cat([angles.cos(), angles.cos()], -1).float()
                SIN = torch.cat([angles.sin(), angles.sin()], -1).float()
            eps = cfg.get("rms_norm_eps", cfg.get("layer_norm_epsilon", 1e-5))
            scale = cfg.get("query_pre_attn_scalar", hd) ** -0.5 if gemma else hd ** -0.5
            unembed = W.get("lm_head.weight") if not cfg.get("tie_word_embeddings", gemma or gpt2) else None
            if unembed is None:
                unembed = W["wte.weight" if gpt2 else "model.embed_tokens.weight"]

            def rms(x, w):
                x = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps)
                return x * (1 + w) if gemma else x * w

            def rotate(x, start, t):
                cos, sin, half = COS[start:start + t], SIN[start:start + t], x.shape[-1] // 2
                return x * cos + torch.cat([-x[..., half:], x[..., :half]], -1) * sin

            def attention(q, k, v, l, past, start):
                b, t = q.shape[0], q.shape[1]
                q = q.view(b, t, H, hd).transpose(1, 2)
                k = k.view(b, t, KV, hd).transpose(1, 2)
                v = v.view(b, t, KV, hd).transpose(1, 2)
                if qwen3:
                    p = "model.layers.%d." % l
                    q, k = rms(q, W[p + "self_attn.q_norm.weight"]), rms(k, W[p + "self_attn.k_norm.weight"])
                if not gpt2:
                    q, k = rotate(q, start, t), rotate(k, start, t)
                if past[l] is not None:
                    k, v = torch.cat([past[l][0], k], 2), torch.cat([past[l][1], v], 2)
                past[l] = (k, v)
                if KV != H:
                    k, v = k.repeat_interleave(H // KV, 1), v.repeat_interleave(H // KV, 1)
                s = q @ k.transpose(-1, -2) * scale
                if gemma:
                    s = torch.tanh(s / 50.0) * 50.0
                if t > 1:
                    s = s + torch.full((t, start + t), float("-inf")).triu(start + 1)
                return (torch.softmax(s, -1) @ v).transpose(1, 2).reshape(b, t, H * hd)

            def forward(ids, past, start):
                b, t = ids.shape
                if gpt2:
                    x = W["wte.weight"][ids] + W["wpe.weight"][start:start + t]
                else:
                    x = W["model.embed_tokens.weight"][ids]
                    if gemma:
                        x = x * torch.tensor(d ** 0.5)
                for l in range(L):
                    if gpt2:
                        p = "h.%d." % l
                        h = F.layer_norm(x, (d,), W[p + "ln_1.weight"], W[p + "ln_1.bias"], eps)
                        q, k, v = torch.addmm(W[p + "attn.c_attn.bias"], h.view(-1, d),
                                              W[p + "attn.c_attn.weight"]).view(b, t, 3 * d).split(d, -1)
                        o = attention(q, k, v, l, past, start)
                        x = x + torch.addmm(W[p + "attn.c_proj.bias"], o.view(-1, d), W[p + "attn.c_proj.weight"]).view(b, t, d)
                        h = F.layer_norm(x, (d,), W[p + "ln_2.weight"], W[p + "ln_2.bias"], eps)
                        m = F.gelu(torch.addmm(W[p + "mlp.c_fc.bias"], h.view(-1, d), W[p + "mlp.c_fc.weight"]),
                                   approximate="tanh")
                        x = x + torch.addmm(W[p + "mlp.c_proj.bias"], m, W[p + "mlp.c_proj.weight"]).view(b, t, d)
                    else:
                        p = "model.layers.%d." % l
                        h = rms(x, W[p + "input_layernorm.weight"])
                        o = F.linear(attention(F.linear(h, W[p + "self_attn.q_proj.weight"]),
                                               F.linear(h, W[p + "self_attn.k_proj.weight"]),
                                               F.linear(h, W[p + "self_attn.v_proj.weight"]), l, past, start),
                                     W[p + "self_attn.o_proj.weight"])
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
                last = x[:, -1]
                last = F.layer_norm(last, (d,), W["ln_f.weight"], W["ln_f.bias"], eps) if gpt2 else rms(last, W["model.norm.weight"])
                logits = F.linear(last, unembed)
                return torch.tanh(logits / 30.0) * 30.0 if gemma else logits

            def generate(steps):
                past, out, ids, start = [None] * L, [], prompts, 0
                for _ in range(steps):
                    token = forward(ids, past, start).argmax(-1)
                    out.append(token)
                    start += ids.shape[1]
                    ids = token.view(B, 1)
                return torch.stack(out, 1)

            generate(min(4, N))
            wall, cpu = time.perf_counter(), time.process_time()
            tokens = generate(N)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(json.dumps({"tokensPerSecond": B * N / wall, "perCpuSecond": B * N / cpu,
                              "tokens": tokens.tolist()}))
            """;
}
