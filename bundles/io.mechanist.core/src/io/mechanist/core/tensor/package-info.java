/**
 * Tensor files: reading and writing the safetensors format (memory-mapped, validated, deterministic) and exact
 * 16-bit float conversions. Plain Java; no Eclipse dependency.
 * <p>
 * API, versioned semantically on the package (MANIFEST.MF {@code Export-Package}; the build's API baseline check,
 * {@code tests/io.mechanist.api.tests}, fails on an incompatible change without a new major version). Everything
 * here is API since 1.0; what is added later carries {@code @since} with the package version that added it.
 *
 * @since 1.0
 */
package io.mechanist.core.tensor;
