package io.mechanist.probes;

/**
 * Which probe a causal test steers along, as a viewer of probe results picks it: at a marked aligned position, the
 * most accurate of the shown layers there (the first on ties); with no position marked, the method's best cell.
 *
 * @param layer     the chosen probe's layer index
 * @param position  its aligned position index
 * @param direction its direction in the original activation space
 */
public record SteeringChoice(int layer, int position, ProbeDirection direction) {

    /**
     * @param markedPosition the marked aligned position, or any value outside {@code [0, positionCount)} for none
     * @param shownLayers    the layers on screen (indices); empty means all
     * @throws IllegalArgumentException with the reason, for the user, when no probe can be steered along there
     */
    public static SteeringChoice choose(ProbeResults results, ProbeMethod method, int markedPosition,
            int[] shownLayers) {
        int layer = -1;
        int position = markedPosition;
        if (position < 0 || position >= results.positionCount()) {
            ProbeCell best = results.best(method);
            if (best == null) {
                throw new IllegalArgumentException("No probe cell has prompts.");
            }
            layer = best.layer();
            position = best.position();
        } else {
            int[] candidates = shownLayers.length > 0 ? shownLayers
                    : java.util.stream.IntStream.range(0, results.layerCount()).toArray();
            for (int l : candidates) {
                if (layer < 0 || results.cell(method, l, position).accuracy() > results.cell(method, layer, position)
                        .accuracy()) {
                    layer = l;
                }
            }
        }
        ProbeDirection direction = results.direction(method, layer, position);
        if (direction == null) {
            throw new IllegalArgumentException("The " + method.id() + " probe at " + results.layerName(layer)
                    + " position " + results.positionLabel(position)
                    + " has no direction (one class there, or directions were off).");
        }
        return new SteeringChoice(layer, position, direction);
    }
}
