package io.mechanist.ui.events;

import java.nio.file.Path;
import java.util.Objects;

/**
 * "Steer along this probe's direction": the causal test of a probe, asked for from a view that shows probe results
 * and carried out by a view that steers (posted on the workbench event broker under {@link #TOPIC}).
 * <p>
 * The probe predicts {@code positiveLabel} when {@code weights . x + b > 0} for an activation {@code x} at
 * {@code hookSiteId}; steering with {@code +weights} should therefore move the model's answer towards the answer that
 * stands for the positive label, and the random control of equal norm should not move it. The probe travels as plain
 * numbers, so neither sender nor receiver needs the other's analysis bundle to read the event.
 *
 * @param storeFolder   the store that holds {@code captureId}
 * @param captureId     the capture the probe was trained on; its prompts, labels and model are the test's inputs
 * @param labelKey      the prompt label the probe predicts, e.g. {@code answer}
 * @param positiveLabel the label value the probe predicts when {@code weights . x + b > 0}
 * @param negativeLabel the label value the probe predicts when {@code weights . x + b < 0}
 * @param hookSiteId    the site the probe read, e.g. {@code blocks.3.resid_post}; the site that is steered
 * @param positionLabel the aligned position of the probe, as the probe results label it (e.g. {@code anchor+0})
 * @param method        the probe's method id (e.g. {@code logistic}, {@code mass-mean})
 * @param weights       the probe's weights in the original activation space ({@code d_model} values)
 */
public record SteerAlongProbe(Path storeFolder, String captureId, String labelKey, String positiveLabel,
        String negativeLabel, String hookSiteId, String positionLabel, String method, float[] weights) {

    /** The event topic. */
    public static final String TOPIC = "io/mechanist/steering/alongProbe";

    public SteerAlongProbe {
        Objects.requireNonNull(storeFolder, "storeFolder");
        Objects.requireNonNull(captureId, "captureId");
        Objects.requireNonNull(labelKey, "labelKey");
        Objects.requireNonNull(positiveLabel, "positiveLabel");
        Objects.requireNonNull(negativeLabel, "negativeLabel");
        Objects.requireNonNull(hookSiteId, "hookSiteId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(weights, "weights");
    }
}
