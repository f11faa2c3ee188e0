package io.mechanist.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much memory a model's weights may take as float32 before its bf16/f16 weights are kept compact
 * ({@link CompactWeights}). By default three quarters of the machine's memory left beside the Java heap's limit
 * (libtorch's arrays live outside the heap); the system property {@value #PROPERTY} overrides it with a size
 * ({@code 12g}, {@code 800m}, bytes), {@code f32} (never compact) or {@code compact} (always, when the checkpoint
 * is 16-bit).
 */
public final class WeightBudget {
    public static final String PROPERTY = "io.mechanist.runtime.weightBudget";

    private WeightBudget() {
    }

    /** The budget in bytes of float32 weights (Long.MAX_VALUE: always float32; 0: always compact). */
    public static long bytes() {
        String value = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("auto")) {
            long physical = physicalMemory();
            long heap = Runtime.getRuntime().maxMemory();
            return physical <= 0 ? Long.MAX_VALUE : Math.max(0, (physical - Math.min(heap, physical / 2)) / 4 * 3);
        }
        return parse(value);
    }

    static long parse(String value) {
        switch (value) {
            case "f32" -> {
                return Long.MAX_VALUE;
            }
            case "compact" -> {
                return 0;
            }
            default -> {
                long unit = switch (value.charAt(value.length() - 1)) {
                    case 'k' -> 1L << 10;
                    case 'm' -> 1L << 20;
                    case 'g' -> 1L << 30;
                    default -> 1;
                };
                String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
                try {
                    return Math.multiplyExact(Long.parseLong(digits), unit);
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + ": expected a size (12g, 800m, "
                            + "bytes), 'f32', 'compact' or 'auto'");
                }
            }
        }
    }

    /** MemTotal of /proc/meminfo, or -1 where there is none. */
    private static long physicalMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: no budget
        }
        return -1;
    }

    /** A size for messages: "12.3 GB". */
    static String format(long bytes) {
        return bytes == Long.MAX_VALUE ? "unlimited" : String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
