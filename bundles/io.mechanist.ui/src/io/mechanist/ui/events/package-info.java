/**
 * The events the workbench's views exchange on the {@code IEventBroker}: a prompt or an analysis result picked in
 * the Store Navigator, a token position picked in a view, and the request to steer along a probe. Every view bundle
 * reads and sends them from here, so no view bundle needs another to talk to it.
 */
package io.mechanist.ui.events;
