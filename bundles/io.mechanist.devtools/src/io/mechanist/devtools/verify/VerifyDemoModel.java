package io.mechanist.devtools.verify;

import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.demo.task.DemoVocabulary;
import io.mechanist.runtime.reference.ReferenceModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a demo checkpoint has the structure the workbench is meant to find, using the independent
 * double-precision reference forward ({@link ReferenceModel}) on the checkpoint folder as saved:
 * <ol>
 * <li>the model's answer on the held-out test split,</li>
 * <li>difference-of-means probes for the answer (and the intermediate labels) at every layer and every position
 * counted back from the answer marker, with a shuffled-label control,</li>
 * <li>steering with the contrast-pair difference of means at the middle layers (all but the first and last)
 * against random vectors of the same norm; the criterion must hold at one of them at least.</li>
 * </ol>
 * Prints Markdown and exits with status 1 when a criterion fails.
 *
 * <pre>
 * VerifyDemoModel [--model DIR] [--data DIR] [--random N] [--multipliers m1,m2,...] [--steer-layers l1,...]
 *                 [--steer-prompts N]
 * </pre>
 */
public final class VerifyDemoModel {

    private static final Path BUNDLE = Path.of("bundles", "io.mechanist.demo");

    private VerifyDemoModel() {
    }

    public static void main(String[] args) throws IOException {
        Path modelDir = BUNDLE.resolve("models").resolve("mechanist-demo-gpt2");
        Path dataDir = BUNDLE.resolve("data");
        int randomVectors = 3;
        int steeringPrompts = 200;
        double[] multipliers = {-2, -1, -0.5, 0, 0.5, 1, 2};
        double[] steeringLayers = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> modelDir = Path.of(args[++i]);
                case "--data" -> dataDir = Path.of(args[++i]);
                case "--random" -> randomVectors = Integer.parseInt(args[++i]);
                case "--multipliers" -> multipliers = parseList(args[++i]);
                case "--steer-layers" -> steeringLayers = parseList(args[++i]);
                case "--steer-prompts" -> steeringPrompts = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown argument '" + args[i] + "'\nusage: VerifyDemoModel [--model DIR]"
                            + " [--data DIR] [--random N] [--multipliers m1,m2,...] [--steer-layers l1,l2,...]"
                            + " [--steer-prompts N]");
                    System.exit(2);
                }
            }
        }
        long start = System.nanoTime();
        ReferenceModel model = ReferenceModel.load(modelDir);
        CapturedPrompts train = new CapturedPrompts(model, DatasetParser.parse(dataDir.resolve("train.jsonl")));
        CapturedPrompts test = new CapturedPrompts(model, DatasetParser.parse(dataDir.resolve("test.jsonl")));
        CapturedPrompts pairs = new CapturedPrompts(model,
                DatasetParser.parse(dataDir.resolve("contrast-pairs.jsonl")));
        List<String> failures = new ArrayList<>();

        System.out.println("## Verification of " + modelDir + " (reference forward, float64)\n");
        answerAccuracy(test, failures);

        ProbeReport answer = new ProbeReport(train, test, DatasetRecord.ANSWER, "A", 7);
        System.out.println("### Difference-of-means probe for the answer (A vs B), by position from the answer"
                + " marker\n");
        System.out.printf("Train %d prompts, test %d prompts (held-out number pairs). Columns: test accuracy of"
                + " the probe at `embed` and `blocks.L.resid_post`; `output A-vs-B` is the sign of the model's own"
                + " logit(A) - logit(B) at that position. Shuffled-label control: max accuracy %.2f over all sites"
                + " and positions.%n%n", train.size(), test.size(), answer.maxControl());
        System.out.println(answer.table(test.tokensByOffset(firstWithLength(test, false)),
                test.tokensByOffset(firstWithLength(test, true))));
        checkProbe(answer, failures);

        System.out.println("### Intermediate labels: best probe accuracy over sites, by position\n");
        intermediateLabels(train, test);

        if (steeringLayers == null) {
            steeringLayers = new double[model.layerCount() - 2];
            for (int l = 1; l < model.layerCount() - 1; l++) {
                steeringLayers[l - 1] = l;
            }
        }
        CapturedPrompts steeringTest = test.first(steeringPrompts);
        System.out.printf("### Steering%n%nVector: mean over %d contrast pairs of (answer-A prompt - answer-B prompt)"
                + " at the answer marker; added times the multiplier at every position of %d test prompts;"
                + " P(A) is the softmax probability of the token `A` after the answer marker. Random: Gaussian"
                + " directions with the same norm.%n%n", pairs.size() / 2, steeringTest.size());
        List<String> steeringFailures = new ArrayList<>();
        boolean anyMiddleLayerSteers = false;
        for (double l : steeringLayers) {
            SteeringReport steering = new SteeringReport(model, pairs, steeringTest, (int) l, multipliers,
                    randomVectors, 11);
            System.out.println("#### " + steering.table());
            int before = steeringFailures.size();
            checkSteering(steering, steeringFailures);
            anyMiddleLayerSteers |= steeringFailures.size() == before;
        }
        if (!anyMiddleLayerSteers) {
            failures.addAll(steeringFailures);
        }
        System.out.printf("%nverification took %.1f s%n", (System.nanoTime() - start) / 1e9);
        if (failures.isEmpty()) {
            System.out.println("ALL CRITERIA MET");
        } else {
            System.out.println("FAILED: " + String.join("; ", failures));
            System.exit(1);
        }
    }

    private static void answerAccuracy(CapturedPrompts test, List<String> failures) {
        int correct = 0;
        double sumP = 0;
        List<String> wrong = new ArrayList<>();
        for (int p = 0; p < test.size(); p++) {
            double[] logits = test.answerLogits[p];
            int expected = DemoVocabulary.id(test.records.get(p).answer());
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                best = logits[i] > logits[best] ? i : best;
            }
            correct += best == expected ? 1 : 0;
            if (best != expected && wrong.size() < 10) {
                wrong.add("`" + test.records.get(p).text() + "` -> `" + DemoVocabulary.token(best) + "`");
            }
            sumP += Vectors.softmaxAt(logits, expected);
        }
        double[] ci = Vectors.wilson95(correct, test.size());
        System.out.printf("### Answer accuracy on the test split%n%n%d/%d = %.3f (95%% CI %.3f-%.3f),"
                + " mean P(correct answer) %.3f%n%n", correct, test.size(), correct / (double) test.size(), ci[0],
                ci[1], sumP / test.size());
        if (!wrong.isEmpty()) {
            System.out.println("Wrong (first " + wrong.size() + "):\n\n- " + String.join("\n- ", wrong) + "\n");
        }
        if (correct < 0.98 * test.size()) {
            failures.add("answer accuracy " + correct + "/" + test.size() + " below 98%");
        }
    }

    private static void checkProbe(ProbeReport answer, List<String> failures) {
        int earliest = answer.offsets() - 1;
        double start = answer.accuracy[answer.bestSite(earliest)][earliest];
        double atMarker = answer.accuracy[answer.bestSite(0)][0];
        if (start > 0.65) {
            failures.add(String.format("answer probe at the first position is %.2f, not near chance", start));
        }
        if (atMarker < 0.9) {
            failures.add(String.format("answer probe at the answer marker is %.2f < 0.90", atMarker));
        }
        if (answer.maxControl() > 0.7) {
            failures.add(String.format("shuffled-label control reaches %.2f", answer.maxControl()));
        }
    }

    private static void intermediateLabels(CapturedPrompts train, CapturedPrompts test) {
        String[][] labels = {{"question", "larger"}, {"comparison", ">"}, {"winner_position", "first"},
            {DatasetRecord.ANSWER, "A"}};
        List<ProbeReport> reports = new ArrayList<>();
        StringBuilder header = new StringBuilder("| offset | token |");
        for (String[] label : labels) {
            reports.add(new ProbeReport(train, test, label[0], label[1], 7));
            header.append(' ').append(label[0]).append(" |");
        }
        System.out.println(header);
        System.out.println("|---|---|" + "---|".repeat(labels.length));
        List<String> tokens = test.tokensByOffset(firstWithLength(test, false));
        int offsets = reports.get(0).offsets();
        for (int o = offsets - 1; o >= 0; o--) {
            StringBuilder row = new StringBuilder("| " + (-o) + " | `" + tokens.get(o) + "` |");
            for (ProbeReport r : reports) {
                int best = r.bestSite(o);
                row.append(String.format(" %.2f (%s) |", r.accuracy[best][o], CapturedPrompts.siteLabel(best)));
            }
            System.out.println(row);
        }
        System.out.println();
    }

    private static void checkSteering(SteeringReport steering, List<String> failures) {
        SteeringReport.Point lowest = steering.steered.get(0);
        SteeringReport.Point highest = steering.steered.get(steering.steered.size() - 1);
        if (lowest.meanPA() >= 0.2 || highest.meanPA() <= 0.8) {
            failures.add(String.format("steering at layer %d moves P(A) only from %.2f to %.2f", steering.layer,
                    lowest.meanPA(), highest.meanPA()));
        }
        for (List<SteeringReport.Point> random : steering.random) {
            double low = random.get(0).meanPA();
            double high = random.get(random.size() - 1).meanPA();
            if (Math.min(low, high) < 0.2 && Math.max(low, high) > 0.8) {
                failures.add("a random vector at layer " + steering.layer + " also moves P(A) across 0.2-0.8");
            }
        }
    }

    /** The first prompt of the short (or long) template, told apart by token count. */
    private static int firstWithLength(CapturedPrompts prompts, boolean longer) {
        int shortest = Integer.MAX_VALUE;
        for (DatasetRecord r : prompts.records) {
            shortest = Math.min(shortest, CapturedPrompts.tokenIds(r).length);
        }
        for (int p = 0; p < prompts.size(); p++) {
            boolean isShortest = CapturedPrompts.tokenIds(prompts.records.get(p)).length == shortest;
            if (isShortest != longer) {
                return p;
            }
        }
        return 0;
    }

    private static double[] parseList(String list) {
        String[] parts = list.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i].trim());
        }
        return out;
    }
}
