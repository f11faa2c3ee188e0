/**
 * Activation patching over clean/corrupted prompt pairs: {@link io.mechanist.patching.ActivationPatching} runs the
 * grids, {@link io.mechanist.patching.PairBootstrap} summarises a cell with its bootstrap interval over pairs.
 */
package io.mechanist.patching;
