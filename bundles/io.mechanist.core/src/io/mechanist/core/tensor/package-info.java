/**
 * Tensor files: reading and writing the safetensors format (memory-mapped, validated, deterministic) and exact
 * 16-bit float conversions. Plain Java; no Eclipse dependency.
 */
package io.mechanist.core.tensor;
