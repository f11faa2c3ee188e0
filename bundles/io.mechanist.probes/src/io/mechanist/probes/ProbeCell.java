package io.mechanist.probes;

/**
 * Cross-validated result of one probe at one (layer, aligned position). Every prompt that has the position is
 * predicted exactly once, by the probe of the fold that held its group out.
 *
 * @param n                 prompts with this position (the unit of the interval)
 * @param correct           prompts predicted correctly
 * @param accuracy          {@code correct / n} (NaN when n is 0)
 * @param interval          95% interval of the accuracy
 * @param chance            majority-class rate among the n prompts
 * @param controlAccuracy   accuracy of the same probe trained and tested on permuted labels (NaN when off)
 * @param controlInterval   95% interval of the control accuracy
 * @param selectivity       {@code accuracy - controlAccuracy}
 * @param degenerateFolds   folds whose training part had a single class at this position (then the probe predicts
 *                          that class); non-zero values flag cells with too few prompts
 */
public record ProbeCell(int layer, int position, ProbeMethod method, int n, int correct, double accuracy,
        Interval interval, double chance, double controlAccuracy, Interval controlInterval, double selectivity,
        int degenerateFolds) {
}
