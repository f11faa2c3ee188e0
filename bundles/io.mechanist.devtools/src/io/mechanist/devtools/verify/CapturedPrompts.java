package io.mechanist.devtools.verify;

import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.demo.task.DemoVocabulary;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.runtime.reference.SiteIds;

import java.util.ArrayList;
import java.util.List;

/**
 * Residual-stream activations of a list of prompts, aligned on the answer marker: offset 0 is the answer-marker
 * token (the last token of each prompt, after which the answer is written), offset -1 the token before it, and so
 * on back to the start of the shortest prompt. Sites: index 0 is {@code embed}, index L+1 is
 * {@code blocks.L.resid_post}.
 */
final class CapturedPrompts {

    final List<DatasetRecord> records;
    /** [prompt][site][offset back from the marker][d_model]. */
    final double[][][][] residual;
    /** [prompt][offset]: logit(A) - logit(B) in the model's own output at that position. */
    final double[][] outputLogitDifference;
    /** [prompt]: next-token logits at the answer marker. */
    final double[][] answerLogits;
    final int offsets;

    private CapturedPrompts(CapturedPrompts all, int count) {
        this.records = all.records.subList(0, count);
        this.residual = java.util.Arrays.copyOf(all.residual, count);
        this.outputLogitDifference = java.util.Arrays.copyOf(all.outputLogitDifference, count);
        this.answerLogits = java.util.Arrays.copyOf(all.answerLogits, count);
        this.offsets = all.offsets;
    }

    /** The first {@code count} prompts (all when there are fewer). */
    CapturedPrompts first(int count) {
        return new CapturedPrompts(this, Math.min(count, size()));
    }

    CapturedPrompts(ReferenceModel model, List<DatasetRecord> records) {
        this.records = records;
        int shortest = Integer.MAX_VALUE;
        List<int[]> ids = new ArrayList<>();
        for (DatasetRecord r : records) {
            int[] tokens = tokenIds(r);
            ids.add(tokens);
            shortest = Math.min(shortest, tokens.length);
        }
        this.offsets = shortest;
        int sites = model.layerCount() + 1;
        int a = DemoVocabulary.id("A");
        int b = DemoVocabulary.id("B");
        residual = new double[records.size()][sites][offsets][];
        outputLogitDifference = new double[records.size()][offsets];
        answerLogits = new double[records.size()][];
        for (int p = 0; p < records.size(); p++) {
            int[] tokens = ids.get(p);
            ReferenceForward run = model.run(tokens);
            int last = tokens.length - 1;
            for (int site = 0; site < sites; site++) {
                double[][] values = run.activation(siteId(site));
                for (int o = 0; o < offsets; o++) {
                    residual[p][site][o] = values[last - o];
                }
            }
            double[][] logits = run.logits();
            for (int o = 0; o < offsets; o++) {
                outputLogitDifference[p][o] = logits[last - o][a] - logits[last - o][b];
            }
            answerLogits[p] = logits[last];
        }
    }

    /** The prompt's tokens up to and including the last occurrence of its answer marker. */
    static int[] tokenIds(DatasetRecord record) {
        String prompt = record.text().substring(0, record.answerMarkerIndex() + record.answerMarker().length());
        return DemoVocabulary.encode(prompt);
    }

    static String siteId(int site) {
        return site == 0 ? SiteIds.EMBED : SiteIds.residPost(site - 1);
    }

    static String siteLabel(int site) {
        return site == 0 ? "embed" : "L" + (site - 1);
    }

    int size() {
        return records.size();
    }

    int sites() {
        return residual[0].length;
    }

    /** [prompt][d_model] at one site and offset. */
    double[][] at(int site, int offset) {
        double[][] out = new double[size()][];
        for (int p = 0; p < size(); p++) {
            out[p] = residual[p][site][offset];
        }
        return out;
    }

    /** Whether each prompt's label equals {@code positiveValue}. */
    boolean[] labels(String label, String positiveValue) {
        boolean[] out = new boolean[size()];
        for (int p = 0; p < size(); p++) {
            String value = records.get(p).label(label);
            if (value == null) {
                throw new IllegalArgumentException("prompt " + records.get(p).id() + " has no label '" + label + "'");
            }
            out[p] = value.equals(positiveValue);
        }
        return out;
    }

    /** The token text at each offset of prompt {@code p}, offset 0 first. */
    List<String> tokensByOffset(int p) {
        int[] tokens = tokenIds(records.get(p));
        List<String> out = new ArrayList<>();
        for (int o = 0; o < offsets; o++) {
            out.add(DemoVocabulary.token(tokens[tokens.length - 1 - o]));
        }
        return out;
    }
}
