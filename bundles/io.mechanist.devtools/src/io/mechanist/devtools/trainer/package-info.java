/**
 * Trains the demo model (a small GPT-2-architecture decoder) with DJL and saves it as a Hugging Face GPT-2
 * checkpoint folder. Entry point: {@link io.mechanist.devtools.trainer.TrainDemoModel}.
 */
package io.mechanist.devtools.trainer;
