package io.mechanist.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;

/**
 * Forward passes over a list of tokenised prompts, in batches, capturing the requested hook sites only.
 * Build with {@link #builder(List)}.
 *
 * @param prompts token ids per prompt
 * @param batchSize prompts per forward pass
 * @param padding where shorter prompts of a batch are padded (results do not depend on it)
 * @param captureSites hook sites to capture (nothing else is kept)
 * @param capturePositions positions captured at every capture site (positions past a prompt's end are skipped for
 *     that prompt; a negative index reaching before its start is an error)
 * @param plan interventions applied in every forward pass
 * @param sink where captures go; null keeps them in the {@link RunResult}
 * @param progress called after each batch with the number of prompts done; may be null
 * @param cancelled polled between batches; a cancelled run throws {@link java.util.concurrent.CancellationException}
 */
public record RunRequest(List<long[]> prompts, int batchSize, Padding padding, Set<HookSite> captureSites,
        Positions capturePositions, InterventionPlan plan, ActivationSink sink, Progress progress,
        BooleanSupplier cancelled) {

    /** Progress of a run. */
    @FunctionalInterface
    public interface Progress {
        void done(int promptsDone, int promptsTotal);
    }

    public RunRequest {
        prompts = List.copyOf(prompts);
        for (int i = 0; i < prompts.size(); i++) {
            if (prompts.get(i).length == 0) {
                throw new IllegalArgumentException("prompt " + i + " has no tokens");
            }
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        Objects.requireNonNull(padding, "padding");
        captureSites = Set.copyOf(captureSites);
        Objects.requireNonNull(capturePositions, "capturePositions");
        Objects.requireNonNull(plan, "plan");
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public static Builder builder(List<long[]> prompts) {
        return new Builder(prompts);
    }

    public static Builder builder(long[]... prompts) {
        return new Builder(List.of(prompts));
    }

    /** This request with another plan (one point of a sweep). */
    public RunRequest withPlan(InterventionPlan other) {
        return new RunRequest(prompts, batchSize, padding, captureSites, capturePositions, other, sink, progress,
                cancelled);
    }

    public static final class Builder {
        private final List<long[]> prompts;
        private int batchSize = 8;
        private Padding padding = Padding.RIGHT;
        private final Set<HookSite> sites = new LinkedHashSet<>();
        private Positions positions = Positions.all();
        private InterventionPlan plan = InterventionPlan.none();
        private ActivationSink sink;
        private Progress progress;
        private BooleanSupplier cancelled;

        private Builder(List<long[]> prompts) {
            this.prompts = new ArrayList<>(prompts);
        }

        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        public Builder padding(Padding side) {
            this.padding = side;
            return this;
        }

        public Builder capture(HookSite... capture) {
            sites.addAll(List.of(capture));
            return this;
        }

        public Builder capture(Collection<HookSite> capture) {
            sites.addAll(capture);
            return this;
        }

        public Builder positions(Positions captured) {
            this.positions = captured;
            return this;
        }

        public Builder plan(InterventionPlan interventions) {
            this.plan = interventions;
            return this;
        }

        public Builder sink(ActivationSink target) {
            this.sink = target;
            return this;
        }

        public Builder progress(Progress listener) {
            this.progress = listener;
            return this;
        }

        public Builder cancelled(BooleanSupplier check) {
            this.cancelled = check;
            return this;
        }

        public RunRequest build() {
            return new RunRequest(prompts, batchSize, padding, sites, positions, plan, sink, progress, cancelled);
        }
    }
}
