package io.mechanist.runtime.intervention;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordered list of interventions applied together in one run; at one site they apply in list order.
 * A sweep is simply a list of plans.
 */
public record InterventionPlan(String name, List<Intervention> interventions) {

    private static final InterventionPlan NONE = new InterventionPlan("none", List.of());

    public InterventionPlan {
        Objects.requireNonNull(name, "name");
        interventions = List.copyOf(interventions);
    }

    public static InterventionPlan none() {
        return NONE;
    }

    public static InterventionPlan of(String name, Intervention... interventions) {
        return new InterventionPlan(name, List.of(interventions));
    }

    public boolean isEmpty() {
        return interventions.isEmpty();
    }

    /** This plan followed by {@code more}. */
    public InterventionPlan then(Intervention... more) {
        List<Intervention> all = new ArrayList<>(interventions);
        all.addAll(List.of(more));
        return new InterventionPlan(name, all);
    }
}
