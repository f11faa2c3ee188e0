/**
 * The dataset format Mechanist reads prompts from: JSONL, one prompt per line with its text, categorical labels,
 * group id (for grouped splits), contrast-pair id and answer marker. See docs/dataset-format.md.
 *
 * @since 1.0
 */
package io.mechanist.core.datasets;
