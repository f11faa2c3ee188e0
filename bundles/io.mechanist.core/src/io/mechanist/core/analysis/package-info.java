/**
 * The analysis API. An analysis is contributed on the extension point {@code io.mechanist.core.analyses}
 * ({@link io.mechanist.core.analysis.AnalysisRegistry#EXTENSION_POINT_ID}) with an id, a name, the implementing
 * class ({@link io.mechanist.core.analysis.Analysis}), the inputs it needs, its parameters and the outputs it
 * produces. It runs headless with a progress monitor that also carries cancellation, reads captures through
 * {@link io.mechanist.core.activations.ActivationSet} and returns an
 * {@link io.mechanist.core.analysis.AnalysisOutput}, which the store that ran it persists as an analysis result.
 * <p>
 * User-interface bundles bind a view to an analysis output with an {@code outputView} element on the same
 * extension point, so this package never knows which views exist.
 */
package io.mechanist.core.analysis;
