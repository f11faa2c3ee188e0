package io.mechanist.headless.commands;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

import com.google.gson.JsonObject;

import io.mechanist.dropins.Dropins;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;

/**
 * {@code mechanist new-plugin DIR --id ID}: writes a buildable analysis plug-in project (Tycho) outside Mechanist's
 * sources, from the template in this bundle's {@code templates/plugin}. The platform versions in its target
 * definition are those of the running installation, so the plug-in compiles and tests on what it will run on.
 */
public final class NewPluginCommand implements Command {

    /** The Tycho release the template builds with: the one Mechanist itself builds with. */
    public static final String TYCHO_VERSION = "5.0.2";
    /** The Maven release the template's wrapper runs: the one Mechanist's own wrapper runs. */
    public static final String MAVEN_VERSION = "3.9.11";
    /** JUnit 5 bundles of the template's target platform: those of Mechanist's own target platform. */
    public static final String JUNIT_JUPITER_VERSION = "5.14.4";
    public static final String JUNIT_PLATFORM_VERSION = "1.14.4";

    private static final String TEMPLATE = "templates/plugin";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final Set<String> JAVA_KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
            "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
            "while", "true", "false", "null", "_");
    /** Maven coordinates of the platform bundles a plug-in compiles and tests with, by bundle symbolic name. */
    private static final Map<String, String> PLATFORM = platform();

    private static Map<String, String> platform() {
        Map<String, String> platform = new LinkedHashMap<>();
        // Compiling needs the first three; the OSGi test runtime (tycho-surefire) needs the rest.
        for (String name : List.of("org.eclipse.osgi", "org.eclipse.equinox.common", "org.eclipse.equinox.registry",
                "org.eclipse.equinox.launcher", "org.eclipse.core.runtime", "org.eclipse.core.jobs",
                "org.eclipse.core.contenttype", "org.eclipse.equinox.preferences", "org.eclipse.equinox.app")) {
            platform.put(name, "org.eclipse.platform:" + name);
        }
        for (String name : List.of("org.osgi.service.prefs", "org.osgi.service.component", "org.osgi.util.promise",
                "org.osgi.util.function")) {
            platform.put(name, "org.osgi:" + name);
        }
        platform.put("org.apache.felix.scr", "org.apache.felix:org.apache.felix.scr");
        platform.put("org.eclipse.emf.common", "org.eclipse.emf:org.eclipse.emf.common");
        platform.put("org.eclipse.emf.ecore", "org.eclipse.emf:org.eclipse.emf.ecore");
        platform.put("org.eclipse.emf.ecore.xmi", "org.eclipse.emf:org.eclipse.emf.ecore.xmi");
        platform.put("com.google.gson", "com.google.code.gson:gson");
        return Collections.unmodifiableMap(platform);
    }

    @Override
    public String name() {
        return "new-plugin";
    }

    @Override
    public String summary() {
        return "write a new analysis plug-in project (Tycho build, test, README) to build against this installation";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist new-plugin DIR --id ID [--name NAME] [--repository PATH|URL] [--json]

                Writes a complete plug-in project into DIR (new or empty): one analysis (activation RMS by token
                position) declared in plugin.xml, a JUnit 5 test that runs it through the registry on a tiny store,
                a Maven/Tycho build with its own wrapper (./mvnw verify), and a README on building, installing
                ('mechanist plugins install') and running it.
                  --id ID             the bundle's symbolic name and Java package, e.g. org.example.norms
                  --name NAME         the bundle's display name (default: "Mechanist analysis <ID>")
                  --repository P|URL  the p2 repository the build takes Mechanist's API from: a folder, a .zip
                                      archive or a URL (default: this installation's plug-in SDK, <install>/sdk;
                                      Mechanist's update site works too)
                The platform (Equinox, EMF, Gson, JUnit) comes from Maven Central, at the versions this
                installation runs.

                Example: mechanist new-plugin ~/norms-plugin --id org.example.norms""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("id", "name", "repository");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(1);
        if (line.positional().isEmpty()) {
            throw new UsageException("new-plugin: name the project folder, e.g. mechanist new-plugin my-plugin --id org.example.x");
        }
        Path target = Path.of(line.positional().get(0)).toAbsolutePath().normalize();
        String id = line.required("id");
        checkId(id);
        String name = line.option("name", "Mechanist analysis " + id);
        if (name.contains("\n") || name.contains("@@")) {
            throw new UsageException("new-plugin: --name must be one line");
        }
        String repository = repositoryUrl(line.option("repository", null));
        if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
            throw new UsageException("new-plugin: " + target + " exists and is not an empty folder");
        }
        Bundle self = FrameworkUtil.getBundle(NewPluginCommand.class);
        // The installer's bundle is started (lazily, by this reference) where this one need not be; its context
        // reads which bundles are installed.
        Bundle installer = FrameworkUtil.getBundle(Dropins.class);
        BundleContext bundles = installer == null ? null : installer.getBundleContext();
        if (self == null || bundles == null) {
            throw new IOException("new-plugin needs Mechanist's OSGi runtime (run it through the mechanist launcher)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ID", id);
        values.put("PACKAGE", id);
        values.put("PACKAGE_PATH", id.replace('.', '/'));
        values.put("NAME", xmlSafe(name));
        values.put("REPOSITORY", xmlSafe(repository));
        values.put("TYCHO_VERSION", TYCHO_VERSION);
        values.put("MAVEN_VERSION", MAVEN_VERSION);
        values.put("API_RANGE", apiRange(bundles));
        values.put("MECHANIST_VERSION", versionOf(bundles, "io.mechanist.core"));
        values.put("PLATFORM_DEPENDENCIES", platformDependencies(bundles));
        values.put("JUNIT_DEPENDENCIES", junitDependencies());

        List<String> written = write(self, target, values);
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("folder", target.toString());
            json.addProperty("id", id);
            json.addProperty("analysis", id + ".rmsByPosition");
            json.addProperty("repository", repository);
            json.addProperty("files", written.size());
            context.printJson(json);
        } else {
            context.out().printf("Wrote plug-in project %s (%d files) to %s%n", id, written.size(), target);
            context.out().printf("Mechanist's API comes from %s%n", repository);
            context.out().printf("Next: cd %s && ./mvnw verify%n", target);
            context.out().printf("then: mechanist plugins install %s/target/%s-0.1.0-SNAPSHOT.jar%n", id, id);
        }
        return 0;
    }

    static void checkId(String id) throws UsageException {
        if (!ID.matcher(id).matches()) {
            throw new UsageException("new-plugin: --id '" + id + "' must be a lower-case dotted name of at least two "
                    + "parts (letters, digits, _), e.g. org.example.norms");
        }
        for (String part : id.split("\\.")) {
            if (JAVA_KEYWORDS.contains(part)) {
                throw new UsageException("new-plugin: --id '" + id + "': '" + part + "' is a Java keyword and cannot "
                        + "be part of a package name");
            }
        }
        if (id.startsWith("io.mechanist.") || id.startsWith("org.eclipse.")) {
            throw new UsageException("new-plugin: --id '" + id + "' is in a namespace of Mechanist or Eclipse; use your own");
        }
    }

    /** The repository as a URL Tycho reads: a folder or zip given as a path, or a URL as it is. */
    static String repositoryUrl(String given) throws IOException, UsageException {
        Path path;
        if (given == null) {
            path = Dropins.folder().getParent().resolve("sdk");
            if (!isP2Repository(path)) {
                throw new UsageException("new-plugin: this installation has no plug-in SDK at " + path
                        + "; give --repository (Mechanist's update site: a folder or its .zip)");
            }
        } else if (given.matches("[a-zA-Z][a-zA-Z0-9+.-]+:/.*") && !given.startsWith("file:")) {
            return given;
        } else {
            path = given.startsWith("file:") ? Path.of(java.net.URI.create(given)) : Path.of(given);
        }
        path = path.toAbsolutePath().normalize();
        if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".zip")) {
            return "jar:" + path.toUri() + "!/";
        }
        if (!isP2Repository(path)) {
            throw new UsageException("new-plugin: " + path + " is not a p2 repository (no content.jar, content.xml, "
                    + "compositeContent.* or p2.index); give Mechanist's update site or the installation's sdk folder");
        }
        return path.toUri().toString();
    }

    private static boolean isP2Repository(Path folder) {
        return Stream.of("content.jar", "content.xml", "content.xml.xz", "compositeContent.jar", "compositeContent.xml",
                "p2.index").anyMatch(f -> Files.isRegularFile(folder.resolve(f)));
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Semantic range of the API packages: this major version up to the next. */
    private static String apiRange(BundleContext context) throws IOException {
        Bundle core = bundle(context, "io.mechanist.core");
        for (BundleCapability capability : core.adapt(BundleRevision.class).getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
            if ("io.mechanist.core.analysis".equals(capability.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE))) {
                Version version = (Version) capability.getAttributes().get("version");
                return "[" + version.getMajor() + "." + version.getMinor() + "," + (version.getMajor() + 1) + ")";
            }
        }
        throw new IOException("io.mechanist.core does not export io.mechanist.core.analysis");
    }

    private static String versionOf(BundleContext context, String symbolicName) throws IOException {
        Version v = bundle(context, symbolicName).getVersion();
        return v.getMajor() + "." + v.getMinor() + "." + v.getMicro();
    }

    private static Bundle bundle(BundleContext context, String symbolicName) throws IOException {
        Bundle best = null;
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())
                    && (best == null || bundle.getVersion().compareTo(best.getVersion()) > 0)) {
                best = bundle;
            }
        }
        if (best == null) {
            throw new IOException("the bundle " + symbolicName + " is not installed in this Mechanist");
        }
        return best;
    }

    private static String platformDependencies(BundleContext context) throws IOException {
        StringBuilder xml = new StringBuilder();
        for (Map.Entry<String, String> entry : PLATFORM.entrySet()) {
            String[] coordinates = entry.getValue().split(":");
            xml.append(dependency(coordinates[0], coordinates[1], versionOf(context, entry.getKey())));
        }
        return xml.toString().stripTrailing();
    }

    private static String junitDependencies() {
        StringBuilder xml = new StringBuilder();
        for (String artifact : List.of("junit-jupiter-api", "junit-jupiter-engine", "junit-jupiter-params")) {
            xml.append(dependency("org.junit.jupiter", artifact, JUNIT_JUPITER_VERSION));
        }
        for (String artifact : List.of("junit-platform-commons", "junit-platform-engine", "junit-platform-launcher",
                "junit-platform-suite-api", "junit-platform-suite-engine", "junit-platform-suite-commons")) {
            xml.append(dependency("org.junit.platform", artifact, JUNIT_PLATFORM_VERSION));
        }
        xml.append(dependency("org.opentest4j", "opentest4j", "1.3.0"));
        xml.append(dependency("org.apiguardian", "apiguardian-api", "1.1.2"));
        return xml.toString().stripTrailing();
    }

    private static String dependency(String group, String artifact, String version) {
        return "        <dependency><groupId>" + group + "</groupId><artifactId>" + artifact + "</artifactId><version>"
                + version + "</version><type>jar</type></dependency>\n";
    }

    private static String xmlSafe(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Copies the template with its placeholders {@code @@KEY@@} filled in, in paths and contents. */
    private static List<String> write(Bundle self, Path target, Map<String, String> values) throws IOException {
        List<URL> entries = new ArrayList<>();
        var found = self.findEntries(TEMPLATE, "*", true);
        if (found == null) {
            throw new IOException("the bundle io.mechanist.headless has no " + TEMPLATE + " (a broken installation)");
        }
        found.asIterator().forEachRemaining(entries::add);
        List<String> written = new ArrayList<>();
        Files.createDirectories(target);
        for (URL entry : entries) {
            String path = entry.getPath();
            String relative = path.substring(path.indexOf(TEMPLATE) + TEMPLATE.length() + 1);
            if (relative.isEmpty() || relative.endsWith("/")) {
                continue;
            }
            // Bundles leave dot-files out, so the template names them dot-NAME (.gitignore, .mvn/ marking the
            // project's root for Maven).
            String name = relative.replaceAll("(^|/)dot-", "$1.");
            Path file = target.resolve(fill(name, values)).normalize();
            if (!file.startsWith(target)) {
                throw new IOException("template entry " + relative + " leads outside " + target);
            }
            String content;
            try (InputStream in = entry.openStream()) {
                content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, fill(content, values), StandardCharsets.UTF_8);
            if (file.getFileName().toString().equals("mvnw")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            written.add(target.relativize(file).toString());
        }
        Collections.sort(written);
        return written;
    }

    private static String fill(String text, Map<String, String> values) throws IOException {
        String result = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("@@" + value.getKey() + "@@", value.getValue());
        }
        int left = result.indexOf("@@");
        if (left >= 0) {
            int end = result.indexOf("@@", left + 2);
            throw new IOException("template placeholder " + result.substring(left, end < 0 ? left + 2 : end + 2)
                    + " has no value");
        }
        return result;
    }
}
