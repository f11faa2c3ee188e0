package io.mechanist.steering;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.generate.GenerationRequest;
import io.mechanist.runtime.generate.GenerationResult;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;

/**
 * Steered and unsteered generation from the same prompt with the same seed and sampling settings, both streamed
 * token by token and cancellable. The two generations run concurrently on the same model; each has its own seeded
 * sampler, so the unsteered text equals a plain {@link HookedTransformer#generate} with those settings.
 */
public final class SteeredGeneration {

    /** Which of the two generations a token belongs to. */
    public enum Side { UNSTEERED, STEERED }

    /** Receives tokens of both generations as they are chosen (from two threads; implementations synchronise). */
    @FunctionalInterface
    public interface Listener {
        void onToken(Side side, int step, long token, String textDelta);
    }

    /**
     * What to steer with: {@code coefficient * vector} added at {@code site} at {@code positions} (use
     * {@link Positions#all()} to steer the generated tokens too).
     */
    public record Steering(HookSite site, float[] vector, double coefficient, Positions positions) {
        public Steering {
            Objects.requireNonNull(site, "site");
            vector = Objects.requireNonNull(vector, "vector").clone();
            Objects.requireNonNull(positions, "positions");
        }

        /** A multiplier relative to a residual norm: adds a vector of norm {@code multiplier * residNorm}. */
        public static Steering relative(SteeringVector v, HookSite site, double multiplier, double residNorm) {
            return new Steering(site, v.values(), SteeringScale.coefficient(multiplier, residNorm, v.norm()), Positions.all());
        }

        public InterventionPlan plan() {
            return InterventionPlan.of("steer " + site.id() + " x" + coefficient,
                    new AddVector(site, positions, vector, coefficient));
        }
    }

    /** The two results. */
    public record Pair(GenerationResult unsteered, GenerationResult steered) {
    }

    private SteeredGeneration() {
    }

    /**
     * Generates both continuations and returns when both ended (stop token, max tokens or cancel: then their stop
     * reason is CANCELLED).
     *
     * @param listener may be null
     * @param cancelled polled before every step of both generations; may be null
     */
    public static Pair generate(HookedTransformer model, long[] prompt, GenerationSettings settings, Steering steering,
            Listener listener, BooleanSupplier cancelled) {
        GenerationRequest base = GenerationRequest.of(prompt, settings).withCancel(cancelled);
        GenerationRequest plain = base.withListener(listener == null ? null
                : (step, token, delta) -> listener.onToken(Side.UNSTEERED, step, token, delta));
        GenerationRequest steered = base.withPlan(steering.plan()).withListener(listener == null ? null
                : (step, token, delta) -> listener.onToken(Side.STEERED, step, token, delta));
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "steered-generation");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<GenerationResult>> futures = pool.invokeAll(List.of(() -> model.generate(plain),
                    () -> model.generate(steered)));
            return new Pair(futures.get(0).get(), futures.get(1).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while generating");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
