package io.mechanist.core.analysis;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.StoredVectorData;

/** What an analysis run sees: its descriptor, its resolved parameters and its bound inputs. */
public interface AnalysisContext {

    /** The descriptor the analysis was contributed with. */
    AnalysisDescriptor descriptor();

    /** The parameters, validated against the descriptor, defaults applied. */
    AnalysisParameters parameters();

    /**
     * The capture bound to input {@code role} (declared with {@code kind="capture"}). Owned by the runner, which
     * closes it after the run.
     *
     * @throws IllegalArgumentException if the analysis declares no such capture input or an optional one is unbound
     */
    ActivationSet capture(String role);

    /**
     * The vector bound to input {@code role} (declared with {@code kind="vector"}).
     *
     * @throws IllegalArgumentException if the analysis declares no such vector input or an optional one is unbound
     */
    StoredVectorData vector(String role);

    /** Whether optional input {@code role} is bound. */
    boolean isBound(String role);
}
