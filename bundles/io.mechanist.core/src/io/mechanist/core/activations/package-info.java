/**
 * Plain-Java read access to captured activations (no EMF, no SWT): per prompt, per hook site, per layer range, per
 * position range, and the cross-prompt column at a fixed (site, position) that probes need. Implementations map
 * their files into memory, so captures larger than the heap can be read.
 * <p>
 * Shape conventions: a captured row is the activation of one hook site at one token position of one prompt, e.g.
 * {@code [d_model]} for residual-stream sites or {@code [head, key]} for attention patterns; a {@link FloatMatrix}
 * of rows is {@code [rows, rowWidth]}.
 */
package io.mechanist.core.activations;
