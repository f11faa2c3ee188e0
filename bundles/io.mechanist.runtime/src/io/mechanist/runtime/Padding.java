package io.mechanist.runtime;

/** Where a batch puts the padding of shorter prompts. Results are the same either way. */
public enum Padding { LEFT, RIGHT }
