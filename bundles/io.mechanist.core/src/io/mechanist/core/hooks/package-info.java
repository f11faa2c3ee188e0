/**
 * Canonical hook-site ids ({@code embed}, {@code blocks.L.resid_pre}, ..., {@code logits}) and the tensor shape
 * contract of each site.
 */
package io.mechanist.core.hooks;
