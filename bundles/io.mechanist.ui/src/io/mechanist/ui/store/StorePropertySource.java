package io.mechanist.ui.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;

/** Read-only properties of a navigator node, grouped by category (e.g. "Capture", "Provenance"). */
final class StorePropertySource implements IPropertySource {

    private final StoreElement element;

    StorePropertySource(StoreElement element) {
        this.element = element;
    }

    @Override
    public Object getEditableValue() {
        return element;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        List<IPropertyDescriptor> descriptors = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> category : element.properties().entrySet()) {
            for (String name : category.getValue().keySet()) {
                PropertyDescriptor descriptor = new PropertyDescriptor(category.getKey() + "\u0000" + name, name);
                descriptor.setCategory(category.getKey());
                descriptors.add(descriptor);
            }
        }
        return descriptors.toArray(IPropertyDescriptor[]::new);
    }

    @Override
    public Object getPropertyValue(Object id) {
        String[] parts = ((String) id).split("\u0000", 2);
        return element.property(parts[0], parts[1]);
    }

    @Override
    public boolean isPropertySet(Object id) {
        return false;
    }

    @Override
    public void resetPropertyValue(Object id) {
        // Read-only: the store is never written from the navigator.
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        // Read-only: the store is never written from the navigator.
    }
}
