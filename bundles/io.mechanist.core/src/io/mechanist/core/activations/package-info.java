/**
 * Plain-Java read access to captured activations (no EMF, no SWT): per prompt, per hook site, per layer range, per
 * position range, and the cross-prompt column at a fixed (site, position) that probes need. Implementations map
 * their files into memory, so captures larger than the heap can be read.
 * <p>
 * Shape conventions: a captured row is the activation of one hook site at one token position of one prompt, e.g.
 * {@code [d_model]} for residual-stream sites or {@code [head, key]} for attention patterns; a {@link FloatMatrix}
 * of rows is {@code [rows, rowWidth]}.
 * <p>
 * API, versioned semantically on the package (MANIFEST.MF {@code Export-Package}; the build's API baseline check,
 * {@code tests/io.mechanist.api.tests}, fails on an incompatible change without a new major version). Everything
 * here is API since 1.0; what is added later carries {@code @since} with the package version that added it.
 *
 * @since 1.0
 */
package io.mechanist.core.activations;
