package io.mechanist.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A batch of consecutive prompts of a capture whose rows go straight into their shard files as they arrive, site by
 * site, in any order ({@link CaptureWriter#beginBatch}): nothing of the batch is held in memory. {@link #commit}
 * then commits every shard the batch completed. Rows are written on one thread (the one running the forward pass);
 * the commit may run on another, while the next batch is begun and written.
 */
public final class PromptBatch {

    private final CaptureWriter writer;
    private final int firstPrompt;
    private final int count;
    private final List<StreamedShard> shards;
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    PromptBatch(CaptureWriter writer, int firstPrompt, int count, List<StreamedShard> shards) {
        this.writer = writer;
        this.firstPrompt = firstPrompt;
        this.count = count;
        this.shards = List.copyOf(shards);
    }

    public int firstPrompt() {
        return firstPrompt;
    }

    public int count() {
        return count;
    }

    /**
     * Writes prompt {@code prompt}'s rows of {@code siteId}: {@code [positions(prompt).length, rowWidth]} values,
     * row-major, in the order of {@link CaptureWriter#positions}, as float32 or, for an F16 capture, float16 bits
     * already narrowed (written unchanged). Each site of each prompt is written once.
     *
     * @throws IllegalArgumentException if the prompt is not in this batch, the site is unknown, or a length does not
     *             match
     * @throws IllegalStateException if these rows were written already
     */
    public synchronized void write(String siteId, int prompt, PromptRows rows) throws IOException {
        if (prompt < firstPrompt || prompt >= firstPrompt + count) {
            throw new IllegalArgumentException("capture " + writer.captureId() + ": prompt " + prompt
                    + " is not in the batch of prompts " + firstPrompt + ".." + (firstPrompt + count - 1));
        }
        int site = writer.siteIndex(siteId);
        try {
            shardOf(prompt).write(site, prompt, rows, scratch);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("capture " + writer.captureId() + ", " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("capture " + writer.captureId() + ", " + e.getMessage(), e);
        }
    }

    /**
     * Commits, in order, the shards whose prompts are all written, up to this batch's last prompt; a shard that
     * continues into the next batch is committed by that batch.
     *
     * @throws IllegalStateException naming the prompt and sites if rows of this batch were not written
     * @throws IOException naming the file if a shard cannot be committed (the capture keeps what was committed before)
     */
    public void commit() throws IOException {
        for (int p = firstPrompt; p < firstPrompt + count; p++) {
            StreamedShard shard = shardOf(p);
            if (!shard.promptComplete(p)) {
                throw new IllegalStateException("capture " + writer.captureId() + ": prompt " + p
                        + " has no rows for sites " + shard.missingSites(p));
            }
        }
        writer.commitStreamed();
    }

    private StreamedShard shardOf(int prompt) {
        for (StreamedShard shard : shards) {
            if (shard.holds(prompt)) {
                return shard;
            }
        }
        throw new IllegalStateException("no shard holds prompt " + prompt); // shards cover the batch by construction
    }
}
