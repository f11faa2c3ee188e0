/**
 * Test fixtures: small random checkpoint folders per architecture family
 * ({@link io.mechanist.testing.checkpoints.TinyCheckpoints}) with a word-level tokenizer.json that the Hugging
 * Face tokenizers library loads ({@link io.mechanist.testing.checkpoints.TinyTokenizer}).
 */
package io.mechanist.testing.checkpoints;
