package io.mechanist.dropins.internal;

import java.util.List;

import io.mechanist.dropins.DropinStatus;

/** The installer's report from the start of the platform, kept for {@code Dropins.startupReport()}. */
public final class StartupReports {

    private static volatile List<DropinStatus> last = List.of();

    private StartupReports() {
    }

    static void set(List<DropinStatus> report) {
        last = List.copyOf(report);
    }

    public static List<DropinStatus> last() {
        return last;
    }
}
