package io.mechanist.ui.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.ui.views.properties.IPropertySource;

/**
 * One node of the Store Navigator: an immutable snapshot of a part of a store's metadata (EMF objects are not kept
 * beyond a read of the store, so the tree survives refreshes and never touches EMF on the UI thread). Adapts to
 * {@link IPropertySource} for the Properties view.
 */
public final class StoreElement implements IAdaptable {

    /** What a node stands for. */
    public enum Kind {
        STORE, FOLDER, MODEL, DATASET, PROMPT, CAPTURE, VECTOR, RESULT, PROBLEM
    }

    private final Kind kind;
    private final Path storeFolder;
    private final String id;
    private final String label;
    private final Map<String, Map<String, String>> properties;
    private final List<StoreElement> children = new ArrayList<>();
    private StoreElement parent;

    /**
     * @param id         the store-unique id (capture, dataset, vector, result, model id), the prompt index for
     *                   prompts, or the folder's name for groups
     * @param properties category -> (name -> value), in display order
     */
    public StoreElement(Kind kind, Path storeFolder, String id, String label,
            Map<String, Map<String, String>> properties) {
        this.kind = kind;
        this.storeFolder = storeFolder;
        this.id = id;
        this.label = label;
        this.properties = properties;
    }

    StoreElement add(StoreElement child) {
        child.parent = this;
        children.add(child);
        return child;
    }

    public Kind kind() {
        return kind;
    }

    /** The folder of the store this node belongs to. */
    public Path storeFolder() {
        return storeFolder;
    }

    public String id() {
        return id;
    }

    /** The text the navigator shows. */
    public String label() {
        return label;
    }

    public List<StoreElement> children() {
        return Collections.unmodifiableList(children);
    }

    public StoreElement parent() {
        return parent;
    }

    /** The capture a prompt node sits under, or null. */
    public StoreElement capture() {
        for (StoreElement e = this; e != null; e = e.parent) {
            if (e.kind == Kind.CAPTURE) {
                return e;
            }
        }
        return null;
    }

    /** The prompt index of a prompt node. */
    public int promptIndex() {
        if (kind != Kind.PROMPT) {
            throw new IllegalStateException(label + " is not a prompt");
        }
        return Integer.parseInt(id);
    }

    /** A property's value, or null. */
    public String property(String category, String name) {
        Map<String, String> values = properties.get(category);
        return values == null ? null : values.get(name);
    }

    /** Category -> (name -> value), in display order. */
    public Map<String, Map<String, String>> properties() {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        properties.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(v)));
        return copy;
    }

    /** The child whose label starts with {@code prefix}, or null. */
    public StoreElement child(String prefix) {
        return children.stream().filter(c -> c.label.startsWith(prefix)).findFirst().orElse(null);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IPropertySource.class) {
            return adapter.cast(new StorePropertySource(this));
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Same store, kind and id: the viewer keeps selection and expansion across refreshes. */
    @Override
    public boolean equals(Object other) {
        return other instanceof StoreElement e && e.kind == kind && e.storeFolder.equals(storeFolder)
                && e.id.equals(id) && java.util.Objects.equals(parentKey(), e.parentKey());
    }

    private String parentKey() {
        return parent == null ? null : parent.kind + "/" + parent.id;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, storeFolder, id);
    }
}
