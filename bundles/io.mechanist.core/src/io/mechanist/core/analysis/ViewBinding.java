package io.mechanist.core.analysis;

/**
 * A view that shows an analysis output, contributed by a user-interface bundle with an {@code outputView}
 * element. Core keeps the view id as an opaque string.
 *
 * @param analysisId the analysis
 * @param outputId the output of that analysis the view shows
 * @param viewId the id of the view (e.g. an {@code org.eclipse.ui.views} id)
 * @param contributor symbolic name of the contributing bundle
 */
public record ViewBinding(String analysisId, String outputId, String viewId, String contributor) {
}
