package io.mechanist.headless.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.eclipse.core.runtime.CoreException;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.dropins.DropinStatus;
import io.mechanist.dropins.Dropins;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;

/**
 * {@code mechanist plugins list|install JAR|remove ID}: the plug-ins in the installation's dropins folder, which
 * Mechanist installs at every start ({@link Dropins}). Each listed plug-in is checked the way a run would use it:
 * its bundle resolved and started, and every analysis it declares able to load its class.
 */
public final class PluginsCommand implements Command {

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "list, install or remove plug-ins in the installation's dropins folder";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist plugins list [--json]
                       mechanist plugins install JAR [--json]
                       mechanist plugins remove SYMBOLIC-NAME [--json]

                Plug-ins are OSGi bundles (jars, or bundle folders) in the installation's dropins folder
                (<installation>/dropins, or -Dmechanist.dropins=DIR); Mechanist installs and starts them at every
                start, workbench and headless alike, and uninstalls those whose file is gone. A plug-in that does not
                resolve or start is reported with its name, and the others run.
                  list       each dropin: name, version, state (active, lazy, failed, ...), its analyses, and any
                             problem, including an analysis whose class does not load
                  install    copies JAR into the dropins folder as <name>_<version>.jar (replacing an earlier
                             version), installs it now and checks it; a plug-in that fails is taken out again and
                             the command exits 1 saying why
                  remove     deletes the plug-in with that symbolic name from the dropins folder and uninstalls it
                Exit code 1 when a listed, installed or removed plug-in has a problem.

                Example: mechanist plugins install org.example.norms/target/org.example.norms-0.1.0-SNAPSHOT.jar""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of();
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        List<String> args = line.positional();
        if (args.isEmpty()) {
            throw new UsageException("plugins: say list, install JAR or remove SYMBOLIC-NAME");
        }
        String action = args.get(0);
        switch (action) {
            case "list" -> {
                line.atMostPositional(1);
                return report(Dropins.synchronize(), null, context);
            }
            case "install" -> {
                line.atMostPositional(2);
                if (args.size() < 2) {
                    throw new UsageException("plugins install: name the plug-in jar");
                }
                return install(Path.of(args.get(1)), context);
            }
            case "remove" -> {
                line.atMostPositional(2);
                if (args.size() < 2) {
                    throw new UsageException("plugins remove: name the plug-in's symbolic name (see 'mechanist plugins list')");
                }
                return remove(args.get(1), context);
            }
            default -> throw new UsageException("plugins: unknown action '" + action + "'; say list, install or remove");
        }
    }

    private int install(Path jar, CliContext context) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new UsageException("plugins install: " + jar + " is not a file");
        }
        String[] nameAndVersion = bundleName(jar);
        Path folder = Dropins.folder();
        Files.createDirectories(folder);
        Path target = folder.resolve(nameAndVersion[0] + "_" + nameAndVersion[1] + ".jar");
        List<Path> earlier = filesOf(folder, nameAndVersion[0]);
        Path staged = Files.createTempFile(folder, ".install-", ".tmp");
        Path backup = folder.resolve(".previous");
        try {
            Files.copy(jar, staged, StandardCopyOption.REPLACE_EXISTING);
            // Earlier versions move aside, so that a failing new version can be taken out and the old one restored.
            Files.createDirectories(backup);
            for (Path old : earlier) {
                Files.move(old, backup.resolve(old.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staged);
        }
        List<DropinStatus> statuses = Dropins.synchronize();
        List<String> problems = problems(statuses, target);
        if (!problems.isEmpty()) {
            Files.deleteIfExists(target);
            for (Path old : earlier) {
                Files.move(backup.resolve(old.getFileName()), old, StandardCopyOption.REPLACE_EXISTING);
            }
            deleteIfEmpty(backup);
            Dropins.synchronize();
            problems.forEach(p -> context.err().println("plugins install: " + p));
            context.err().println("plugins install: " + nameAndVersion[0] + " was not installed"
                    + (earlier.isEmpty() ? "" : "; the earlier version is back in place"));
            return 1;
        }
        for (Path old : earlier) {
            Files.deleteIfExists(backup.resolve(old.getFileName()));
        }
        deleteIfEmpty(backup);
        return report(statuses, target, context);
    }

    private int remove(String symbolicName, CliContext context) throws Exception {
        Path folder = Dropins.folder();
        List<Path> files = filesOf(folder, symbolicName);
        if (files.isEmpty()) {
            throw new UsageException("plugins remove: no plug-in named " + symbolicName + " in " + folder
                    + " (see 'mechanist plugins list')");
        }
        for (Path file : files) {
            deleteRecursively(file);
        }
        List<DropinStatus> statuses = Dropins.synchronize();
        boolean stillThere = AnalysisRegistry.fromPlatform().analyses().stream()
                .anyMatch(a -> a.contributor().equals(symbolicName));
        if (stillThere) {
            context.err().println("plugins remove: " + symbolicName + " still contributes analyses after removal");
            return 1;
        }
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("removed", symbolicName);
            json.add("plugins", toJson(statuses));
            context.printJson(json);
        } else {
            context.out().printf("Removed %s (%s)%n", symbolicName,
                    String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList()));
        }
        return 0;
    }

    /** Prints the statuses (only that of {@code only} when given); 1 when one of them has a problem. */
    private int report(List<DropinStatus> statuses, Path only, CliContext context) throws IOException {
        List<DropinStatus> shown = only == null ? statuses
                : statuses.stream().filter(s -> s.file().equals(only)).toList();
        boolean failed = false;
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("folder", Dropins.folder().toString());
            json.add("plugins", toJson(shown));
            context.printJson(json);
            failed = shown.stream().anyMatch(s -> !problems(s).isEmpty());
        } else {
            if (shown.isEmpty()) {
                context.out().println("No plug-ins in " + Dropins.folder());
            }
            for (DropinStatus status : shown) {
                context.out().println(status.describe());
                for (String analysis : analysesOf(status)) {
                    context.out().println("  analysis " + analysis);
                }
                for (String problem : classProblems(status)) {
                    context.out().println("  problem: " + problem);
                    failed = true;
                }
                failed |= !status.running();
            }
        }
        return failed ? 1 : 0;
    }

    private static JsonArray toJson(List<DropinStatus> statuses) {
        JsonArray all = new JsonArray();
        for (DropinStatus status : statuses) {
            JsonObject json = new JsonObject();
            json.addProperty("file", status.file().toString());
            json.addProperty("symbolicName", status.symbolicName());
            json.addProperty("version", status.version());
            json.addProperty("state", status.state().name().toLowerCase(java.util.Locale.ROOT));
            JsonArray analyses = new JsonArray();
            analysesOf(status).forEach(analyses::add);
            json.add("analyses", analyses);
            JsonArray problems = new JsonArray();
            problems(status).forEach(problems::add);
            json.add("problems", problems);
            all.add(json);
        }
        return all;
    }

    private static List<String> problems(List<DropinStatus> statuses, Path file) {
        return statuses.stream().filter(s -> s.file().equals(file)).flatMap(s -> problems(s).stream()).toList();
    }

    /** Everything wrong with a dropin: its own state, then analyses whose class does not load. */
    private static List<String> problems(DropinStatus status) {
        List<String> problems = new ArrayList<>();
        if (!status.running()) {
            problems.add(status.describe());
        }
        problems.addAll(classProblems(status));
        return problems;
    }

    private static List<String> analysesOf(DropinStatus status) {
        if (!status.running()) {
            return List.of();
        }
        return AnalysisRegistry.fromPlatform().analyses().stream()
                .filter(a -> a.contributor().equals(status.symbolicName())).map(AnalysisDescriptor::id).toList();
    }

    /** Creates each analysis the plug-in declares, as a run would, and reports those that fail. */
    private static List<String> classProblems(DropinStatus status) {
        if (!status.running()) {
            return List.of();
        }
        AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
        List<String> problems = new ArrayList<>();
        for (String id : analysesOf(status)) {
            try {
                registry.create(id);
            } catch (CoreException | RuntimeException | LinkageError e) {
                problems.add("analysis " + id + " of plug-in " + status.symbolicName() + " cannot be created: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        registry.problems().stream().filter(p -> p.contains("bundle " + status.symbolicName() + " ")).forEach(problems::add);
        return problems;
    }

    /** Symbolic name and version of a bundle jar, or a usage error saying why it is not one. */
    private static String[] bundleName(Path jar) throws UsageException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new UsageException("plugins install: " + jar + " is not a readable jar: " + e.getMessage());
        }
        Attributes main = manifest == null ? null : manifest.getMainAttributes();
        String name = main == null ? null : main.getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank()) {
            throw new UsageException("plugins install: " + jar + " is not an OSGi bundle (no Bundle-SymbolicName in its manifest)");
        }
        String symbolicName = name.split(";")[0].strip();
        if (!symbolicName.matches("[A-Za-z0-9_.-]+")) {
            throw new UsageException("plugins install: " + jar + " has an unusable Bundle-SymbolicName '" + symbolicName + "'");
        }
        String version = main.getValue("Bundle-Version");
        return new String[] {symbolicName, version == null ? "0.0.0" : version.strip().replaceAll("[^A-Za-z0-9_.-]", "")};
    }

    /** Entries of the dropins folder whose bundle has this symbolic name. */
    private static List<Path> filesOf(Path folder, String symbolicName) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.filter(e -> !e.getFileName().toString().startsWith(".")).sorted().toList()) {
                String name = symbolicNameOf(entry);
                if (symbolicName.equals(name)) {
                    files.add(entry);
                }
            }
        }
        return files;
    }

    private static String symbolicNameOf(Path entry) {
        try {
            Manifest manifest;
            if (Files.isDirectory(entry)) {
                try (var in = Files.newInputStream(entry.resolve(JarFile.MANIFEST_NAME))) {
                    manifest = new Manifest(in);
                }
            } else {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    manifest = jar.getManifest();
                }
            }
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return name == null ? null : name.split(";")[0].strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteRecursively(child);
                }
            }
        }
        Files.delete(path);
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(folder);
        }
    }
}
