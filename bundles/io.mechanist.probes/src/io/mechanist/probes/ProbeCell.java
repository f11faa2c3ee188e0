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
 * @param controlAccuracy   accuracy of the same probe trained and tested on permuted labels, averaged over the
 *                          permutations (NaN when off); each permutation keeps every fold's class counts
 * @param controlInterval   95% interval of the control accuracy (cluster-robust t over prompt groups)
 * @param selectivity       {@code accuracy - controlAccuracy}
 * @param selectivityInterval 95% interval of the selectivity (cluster-robust t over prompt groups of the per-prompt
 *                          difference between the probe's and the control's correctness)
 * @param splitLow          lowest accuracy over the repeated fold assignments (the split's variability)
 * @param splitHigh         highest accuracy over the repeated fold assignments
 * @param degenerateFolds   folds whose training part had a single class at this position (then the probe predicts
 *                          that class); non-zero values flag cells with too few prompts
 */
public record ProbeCell(int layer, int position, ProbeMethod method, int n, int correct, double accuracy,
        Interval interval, double chance, double controlAccuracy, Interval controlInterval, double selectivity,
        Interval selectivityInterval, double splitLow, double splitHigh, int degenerateFolds) {
}
