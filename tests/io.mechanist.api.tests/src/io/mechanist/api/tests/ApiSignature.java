package io.mechanist.api.tests;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The binary API of one package as sorted text lines: every public or protected type, field, constructor and
 * method, with generic signatures, modifiers that matter to callers and implementers, and constant values. Two
 * versions of a package differ in API exactly where their lines differ.
 */
final class ApiSignature {

    private ApiSignature() {
    }

    /** The API lines of {@code packageName} as {@code bundle} defines it. */
    static SortedSet<String> of(Bundle bundle, String packageName) throws ClassNotFoundException {
        String path = packageName.replace('.', '/');
        Collection<String> resources = bundle.adapt(BundleWiring.class).listResources(path, "*.class",
                BundleWiring.LISTRESOURCES_LOCAL);
        SortedSet<String> lines = new TreeSet<>();
        for (String resource : resources) {
            String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
            if (className.endsWith("package-info") || className.endsWith("module-info")) {
                continue;
            }
            Class<?> type = bundle.loadClass(className);
            if (visible(type) && type.getPackageName().equals(packageName)) {
                lines.addAll(of(type, packageName));
            }
        }
        return lines;
    }

    private static boolean visible(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** The lines of one type; names inside {@code packageName} are written relative to it ("~.Name"). */
    static SortedSet<String> of(Class<?> type, String packageName) {
        SortedSet<String> lines = new TreeSet<>();
        String name = relative(type.getName(), packageName);
        lines.add(name + " : " + describeType(type, packageName));
        for (Field field : type.getDeclaredFields()) {
            if (member(field.getModifiers()) && !field.isSynthetic()) {
                lines.add(name + "#" + field.getName() + " : field " + modifiers(field.getModifiers(), false)
                        + relative(field.getGenericType().getTypeName(), packageName) + constant(field));
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (member(constructor.getModifiers()) && !constructor.isSynthetic()) {
                lines.add((name + "#<init>" + parameters(constructor, packageName) + " : constructor "
                        + modifiers(constructor.getModifiers(), false) + typeParameters(constructor.getTypeParameters(), packageName)
                        + exceptions(constructor, packageName)).strip());
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (member(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                String kind = type.isInterface() && !Modifier.isStatic(method.getModifiers())
                        ? (method.isDefault() ? "default " : "abstract ") : "";
                lines.add(name + "#" + method.getName() + parameters(method, packageName) + " : method " + kind
                        + modifiers(method.getModifiers(), type.isInterface())
                        + typeParameters(method.getTypeParameters(), packageName)
                        + relative(method.getGenericReturnType().getTypeName(), packageName)
                        + exceptions(method, packageName));
            }
        }
        return lines;
    }

    private static boolean member(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String describeType(Class<?> type, String packageName) {
        String kind = type.isAnnotation() ? "@interface" : type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : type.isRecord() ? "record" : "class";
        StringBuilder text = new StringBuilder(kind + " ");
        if (!type.isInterface() && !type.isEnum() && !type.isRecord()) {
            text.append(modifiers(type.getModifiers() & (Modifier.ABSTRACT | Modifier.FINAL), false));
        }
        if (type.isSealed()) {
            text.append("sealed ");
        }
        text.append(Modifier.isProtected(type.getModifiers()) ? "protected " : "");
        text.append(typeParameters(type.getTypeParameters(), packageName));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            text.append("extends ").append(relative(superclass.getTypeName(), packageName)).append(' ');
        }
        String interfaces = Arrays.stream(type.getGenericInterfaces()).map(t -> relative(t.getTypeName(), packageName))
                .sorted().collect(Collectors.joining(", "));
        if (!interfaces.isEmpty()) {
            text.append(type.isInterface() ? "extends " : "implements ").append(interfaces);
        }
        return text.toString().strip();
    }

    private static String modifiers(int modifiers, boolean inInterface) {
        int shown = modifiers & (Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT | Modifier.PROTECTED);
        if (inInterface) {
            shown &= ~Modifier.ABSTRACT; // said by "abstract"/"default" above
        }
        String text = Modifier.toString(shown);
        return text.isEmpty() ? "" : text + " ";
    }

    private static String typeParameters(TypeVariable<?>[] variables, String packageName) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(v -> v.getName() + " extends " + Arrays.stream(v.getBounds())
                .map(b -> relative(b.getTypeName(), packageName)).collect(Collectors.joining(" & ")))
                .collect(Collectors.joining(", ", "<", "> "));
    }

    private static String parameters(Executable executable, String packageName) {
        return Arrays.stream(executable.getGenericParameterTypes()).map(t -> relative(t.getTypeName(), packageName))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String exceptions(Executable executable, String packageName) {
        String thrown = Arrays.stream(executable.getGenericExceptionTypes())
                .map(t -> relative(t.getTypeName(), packageName)).sorted().collect(Collectors.joining(", "));
        return thrown.isEmpty() ? "" : " throws " + thrown;
    }

    /** Compile-time constants are copied into callers, so their values are API. */
    private static String constant(Field field) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)
                || !(field.getType().isPrimitive() || field.getType() == String.class)) {
            return "";
        }
        try {
            field.setAccessible(true);
            return " = " + field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    private static String relative(String typeName, String packageName) {
        return typeName.replace(packageName + ".", "~.");
    }
}
