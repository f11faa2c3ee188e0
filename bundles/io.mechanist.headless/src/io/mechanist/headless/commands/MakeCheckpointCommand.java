package io.mechanist.headless.commands;

import java.nio.file.Path;
import java.util.Set;

import com.google.gson.JsonObject;

import io.mechanist.core.tensor.DType;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.runtime.synthetic.PublishedShape;
import io.mechanist.runtime.synthetic.RandomCheckpoint;

/** {@code mechanist make-checkpoint}: a random-weight checkpoint of a published architecture, for benchmarks. */
public final class MakeCheckpointCommand implements Command {

    @Override
    public String name() {
        return "make-checkpoint";
    }

    @Override
    public String summary() {
        return "write a random-weight checkpoint of a published shape (Llama 3.2 1B, Qwen3 1.7B, Gemma 2 2B, ...)";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist make-checkpoint --shape SHAPE --out DIR [--dtype bf16|f16|f32] [--layers N]
                                                 [--max-shard-mb MB] [--seed N] [--json]

                Writes a checkpoint folder with random weights and the Hub's config.json, tensor names and shapes:
                safetensors shards with model.safetensors.index.json (one model.safetensors when it fits in one
                shard), and a byte-level tokenizer.json (one token per byte; the config keeps the published
                vocab_size). Nothing is downloaded. DIR must not already hold a checkpoint.

                  --shape SHAPE      %s
                  --out DIR          the folder to write (created if missing)
                  --dtype TYPE       bf16 (default), f16 or f32
                  --layers N         fewer layers than published (each keeps its published shape)
                  --max-shard-mb MB  the largest shard (default 2000, as the Hub's 2 GB shards)
                  --seed N           the random seed (default 1)

                Example: mechanist make-checkpoint --shape qwen3-1.7b --out /tmp/qwen3-1.7b --layers 4"""
                .formatted(PublishedShape.idList());
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("shape", "out", "dtype", "layers", "max-shard-mb", "seed");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        PublishedShape shape;
        try {
            shape = PublishedShape.of(line.required("shape"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("make-checkpoint: " + e.getMessage());
        }
        Path out = Path.of(line.required("out"));
        DType dtype = switch (line.option("dtype", "bf16").toLowerCase(java.util.Locale.ROOT)) {
            case "bf16" -> DType.BF16;
            case "f16" -> DType.F16;
            case "f32" -> DType.F32;
            default -> throw new UsageException("make-checkpoint: --dtype must be bf16, f16 or f32, not '"
                    + line.option("dtype", "") + "'");
        };
        int layers = line.integer("layers", shape.publishedLayers());
        int shardMb = line.integer("max-shard-mb", 2000);
        if (layers < 1 || shardMb < 1) {
            throw new UsageException("make-checkpoint: --layers and --max-shard-mb must be positive");
        }
        RandomCheckpoint checkpoint = new RandomCheckpoint(shape).layers(layers).dtype(dtype)
                .maxShardBytes(shardMb * 1_000_000L).seed(line.integer("seed", 1));
        context.info(String.format("writing %s (%d layers, %s, %.2f GB) to %s ...", shape.id(), layers,
                dtype.safetensorsName(), checkpoint.weightBytes() / 1e9, out));
        long start = System.nanoTime();
        checkpoint.write(out);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("shape", shape.id());
            json.addProperty("out", out.toAbsolutePath().normalize().toString());
            json.addProperty("layers", layers);
            json.addProperty("dtype", dtype.safetensorsName());
            json.addProperty("weightBytes", checkpoint.weightBytes());
            json.addProperty("tensors", checkpoint.tensors().size());
            json.addProperty("seconds", seconds);
            context.printJson(json);
        } else {
            context.out().printf("wrote %s: %d tensors, %.2f GB of %s weights in %.1f s%n", out,
                    checkpoint.tensors().size(), checkpoint.weightBytes() / 1e9, dtype.safetensorsName(), seconds);
        }
        return 0;
    }
}
