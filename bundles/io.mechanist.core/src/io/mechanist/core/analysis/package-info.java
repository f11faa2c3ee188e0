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
 * <p>
 * API, versioned semantically on the package (MANIFEST.MF {@code Export-Package}; the build's API baseline check,
 * {@code tests/io.mechanist.api.tests}, fails on an incompatible change without a new major version). Everything
 * here is API since 1.0; what is added later carries {@code @since} with the package version that added it.
 *
 * @since 1.0
 */
package io.mechanist.core.analysis;
