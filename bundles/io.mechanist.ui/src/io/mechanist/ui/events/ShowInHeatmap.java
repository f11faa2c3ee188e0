package io.mechanist.ui.events;

import io.mechanist.heatmap.HeatmapData;

/**
 * "Show these rows in the Heatmap view": sent on the workbench {@code IEventBroker} under {@link #TOPIC} by a view
 * that computed rows over positions itself (an SAE feature over a prompt's tokens, for example). The Heatmap view,
 * when open, replaces what it shows with them; a sender that wants the view opened first shows {@link #VIEW_ID}.
 *
 * @param data the rows to show
 */
public record ShowInHeatmap(HeatmapData data) {

    /** The event topic. */
    public static final String TOPIC = "io/mechanist/heatmap/show";

    /** The Heatmap view's part id, so a sender can open it without depending on the view's bundle. */
    public static final String VIEW_ID = "io.mechanist.ui.heatmap.HeatmapView";
}
