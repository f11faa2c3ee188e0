package io.mechanist.runtime;

import java.util.List;

import io.mechanist.core.hooks.HookSite;

/**
 * Receives captured activations while a run goes on, e.g. to write them into the activation store instead of
 * keeping them in memory. Called once per captured site per forward pass, with one entry per prompt of the
 * batch (padding removed): the batch [batch, pos, d_model] as a list of [pos, d_model] prompts.
 */
@FunctionalInterface
public interface ActivationSink {

    void accept(HookSite site, List<SiteActivations> batch);

    /**
     * Whether this sink keeps float16 only (a store of F16 shards): then {@code [pos, width]}-shaped and per-head
     * sites arrive through {@link #acceptFloat16}, narrowed by libtorch, so the float32 rows never reach the Java
     * heap. Attention scores and patterns still arrive through {@link #accept}.
     */
    default boolean wantsFloat16() {
        return false;
    }

    /** The float16 captures of a sink that {@link #wantsFloat16() wants them}; see {@link #accept}. */
    default void acceptFloat16(HookSite site, List<Float16Rows> batch) {
        throw new UnsupportedOperationException(getClass().getName() + " takes float32 activations only");
    }
}
