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
}
