package io.mechanist.probes.capture;

import java.io.IOException;
import java.util.Arrays;

import io.mechanist.probes.OutputReadout;
import io.mechanist.probes.OutputReadout.AnswerTokens;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.ProbeData;
import io.mechanist.probes.ProbeInputException;
import io.mechanist.runtime.ModelTokenizer;
import io.mechanist.runtime.OutputHead;

/**
 * The model's own output read-out (logit lens) on the probe grid: at every layer and aligned position, the residual
 * goes through the checkpoint's final norm and is projected on the unembedding rows of the two answer tokens
 * ({@link OutputReadout}). For span bins the read-out is that of the bin's mean residual.
 */
public final class CaptureReadout {

    private CaptureReadout() {
    }

    /**
     * Reads out {@code data} (residuals {@code [n_prompts, d_model]} per layer and aligned position).
     *
     * @throws IOException naming the file when the checkpoint or its tokenizer cannot be read
     * @throws ProbeInputException when an answer text is not exactly one token, both are the same token, the model's
     *     width differs from the capture's, or {@code labelOfA} is not one of the two label values
     */
    public static ReadoutResults run(ProbeData data, ReadoutRequest request) throws IOException {
        long idA;
        long idB;
        try (ModelTokenizer tokenizer = ModelTokenizer.load(request.modelFolder())) {
            idA = singleToken(tokenizer, request.tokenA(), request);
            idB = singleToken(tokenizer, request.tokenB(), request);
        }
        if (idA == idB) {
            throw new ProbeInputException("answers '" + request.tokenA() + "' and '" + request.tokenB()
                    + "' are the same token " + idA + " of " + request.modelFolder());
        }
        OutputHead head = OutputHead.load(request.modelFolder(), idA, idB);
        if (head.dModel() != data.dModel()) {
            throw new ProbeInputException("model " + request.modelFolder() + " has d_model " + head.dModel()
                    + " but the captured residuals have " + data.dModel() + " values: not the capture's model");
        }
        AnswerTokens tokens = new AnswerTokens(request.labelOfA(), head.unembeddingRow(idA), head.unembeddingRow(idB),
                0, 0, head.finalSoftcap());
        return OutputReadout.evaluate(new FinalNormed(data, head), tokens);
    }

    private static long singleToken(ModelTokenizer tokenizer, String text, ReadoutRequest request) {
        long[] ids = tokenizer.encode(text, false);
        if (ids.length != 1) {
            throw new ProbeInputException("answer text '" + text + "' is " + ids.length + " tokens "
                    + Arrays.toString(ids) + " " + tokenizer.tokenTexts(ids) + " for the tokenizer of "
                    + request.modelFolder() + "; an answer must be exactly one token");
        }
        return ids[0];
    }

    /** The same data with the final norm applied to every present row. */
    private record FinalNormed(ProbeData data, OutputHead head) implements ProbeData {
        @Override public int promptCount() { return data.promptCount(); }
        @Override public int layerCount() { return data.layerCount(); }
        @Override public int positionCount() { return data.positionCount(); }
        @Override public int dModel() { return data.dModel(); }
        @Override public String promptId(int prompt) { return data.promptId(prompt); }
        @Override public String label(int prompt) { return data.label(prompt); }
        @Override public String group(int prompt) { return data.group(prompt); }
        @Override public boolean hasPosition(int prompt, int position) { return data.hasPosition(prompt, position); }
        @Override public String layerName(int layer) { return data.layerName(layer); }
        @Override public String positionLabel(int position) { return data.positionLabel(position); }
        @Override public String positionToken(int position) { return data.positionToken(position); }

        @Override
        public void readMatrix(int layer, int position, float[] dest) {
            data.readMatrix(layer, position, dest);
            int d = data.dModel();
            for (int p = 0; p < data.promptCount(); p++) {
                if (data.hasPosition(p, position)) {
                    head.applyFinalNorm(dest, p * d, dest, p * d);
                }
            }
        }
    }
}
