/**
 * The demo task: A/B questions about which of two numbers is larger or smaller, answered after a short reasoning
 * trace; its word-level vocabulary and tokenizer files, and the seeded generator of the shipped dataset (train and
 * test splits, contrast pairs).
 */
package io.mechanist.demo.task;
