package io.mechanist.capture.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.ActivationSink;
import io.mechanist.runtime.Float16Rows;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.store.PromptBatch;
import io.mechanist.store.PromptRows;

/**
 * Writes each site's captures of a batch into the store as the runtime delivers them, one site at a time, instead of
 * collecting the whole batch first: the rows of a site are on the Java heap only while they are written (the same
 * rows {@link BatchRows} gives the store's writer, chosen and shaped by it), so a capture holds no batch of rows.
 */
public final class BatchWriterSink implements ActivationSink {

    private final PromptBatch batch;
    private final List<HookSite> sites;
    private final List<int[]> wanted;
    private final int patternKeys;
    private final boolean float16;

    /**
     * @param batch the store's batch; the run's prompt b is its prompt {@code batch.firstPrompt() + b}
     * @param wanted the positions the store keeps of each prompt of the run (ascending)
     * @param patternKeys key width of stored attention-pattern rows (the longest prompt of the dataset)
     * @param float16 whether the capture is stored as F16 (then {@code [pos, width]} sites arrive narrowed)
     */
    public BatchWriterSink(PromptBatch batch, List<HookSite> sites, List<int[]> wanted, int patternKeys,
            boolean float16) {
        this.batch = batch;
        this.sites = List.copyOf(sites);
        this.wanted = List.copyOf(wanted);
        this.patternKeys = patternKeys;
        this.float16 = float16;
    }

    @Override
    public boolean wantsFloat16() {
        return float16;
    }

    @Override
    public void acceptFloat16(HookSite site, List<Float16Rows> delivered) {
        BatchRows rows = new BatchRows(wanted.size(), patternKeys, true);
        rows.acceptFloat16(site, delivered);
        for (Float16Rows prompt : delivered) {
            write(site, prompt.prompt(), rows.promptRows(site, prompt.prompt(), wanted.get(prompt.prompt())));
        }
    }

    @Override
    public void accept(HookSite site, List<SiteActivations> delivered) {
        BatchRows rows = new BatchRows(wanted.size(), patternKeys, false);
        rows.accept(site, delivered);
        for (SiteActivations prompt : delivered) {
            write(site, prompt.prompt(), rows.promptRows(site, prompt.prompt(), wanted.get(prompt.prompt())));
        }
    }

    /**
     * Writes the empty rows of the prompts that keep no position (the runtime delivers nothing where a batch keeps
     * none at all); called once the batch ran.
     */
    public void writeEmptyPrompts() throws IOException {
        for (int b = 0; b < wanted.size(); b++) {
            if (wanted.get(b).length == 0) {
                for (HookSite site : sites) {
                    batch.write(site.id(), batch.firstPrompt() + b, new PromptRows.Floats(new float[0]));
                }
            }
        }
    }

    private void write(HookSite site, int runPrompt, PromptRows rows) {
        if (wanted.get(runPrompt).length == 0) {
            return; // written by writeEmptyPrompts, whether or not the runtime delivered it
        }
        try {
            batch.write(site.id(), batch.firstPrompt() + runPrompt, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
