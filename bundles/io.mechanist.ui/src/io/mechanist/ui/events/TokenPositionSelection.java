package io.mechanist.ui.events;

/**
 * "The user picked this token position" (not the store model's capture-time PositionSelection): published by the
 * heatmap when a cell is clicked, for other views (e.g. the probe view) to highlight the same position.
 * <p>
 * Sent on the workbench {@code IEventBroker} under {@link #TOPIC} with the record as the event's
 * {@code IEventBroker.DATA}; receive it with
 * {@code @Inject @Optional void onPosition(@UIEventTopic(TokenPositionSelection.TOPIC) TokenPositionSelection s)}.
 *
 * @param source   what the position belongs to (the capture and prompt, as the activation source describes them)
 * @param position the token position in the prompt (0 = first token)
 * @param token    the token string at that position
 * @param prompt   the stored prompt the position is in, when it is one (views that align prompts, such as the probe
 *                 view, place the token on their own axis with it); null otherwise
 */
public record TokenPositionSelection(String source, int position, String token, StorePromptSelection prompt) {

    /** The event topic. */
    public static final String TOPIC = "io/mechanist/selection/position";

    public TokenPositionSelection {
        if (position < 0) {
            throw new IllegalArgumentException("position must be >= 0, got " + position);
        }
    }

    /** A position of no particular stored prompt. */
    public TokenPositionSelection(String source, int position, String token) {
        this(source, position, token, null);
    }
}
