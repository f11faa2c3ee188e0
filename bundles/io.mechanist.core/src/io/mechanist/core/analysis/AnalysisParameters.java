package io.mechanist.core.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mechanist.core.hooks.HookSite;

/** The parameter values of one run, validated against the analysis's declared parameters, defaults applied. */
public final class AnalysisParameters {

    private final String analysisId;
    private final Map<String, String> values;

    private AnalysisParameters(String analysisId, Map<String, String> values) {
        this.analysisId = analysisId;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Validates {@code given} against {@code descriptor}: every given name must be declared, every value must
     * parse as its declared type, and required parameters without a default must be given.
     *
     * @throws IllegalArgumentException naming the analysis and the parameter
     */
    public static AnalysisParameters resolve(AnalysisDescriptor descriptor, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : given.keySet()) {
            if (descriptor.parameter(name) == null) {
                throw new IllegalArgumentException("analysis " + descriptor.id() + " has no parameter '" + name
                        + "'; it declares " + descriptor.parameters().stream().map(ParameterSpec::name).toList());
            }
        }
        for (ParameterSpec spec : descriptor.parameters()) {
            String value = given.containsKey(spec.name()) ? given.get(spec.name()) : spec.defaultValue();
            if (value == null) {
                if (spec.required()) {
                    throw new IllegalArgumentException(
                            "analysis " + descriptor.id() + " needs parameter '" + spec.name() + "' (" + spec.type().xmlName()
                                    + "): " + spec.description());
                }
                continue;
            }
            String problem = spec.problemWith(value);
            if (problem != null) {
                throw new IllegalArgumentException(
                        "analysis " + descriptor.id() + ", parameter '" + spec.name() + "': " + problem);
            }
            values.put(spec.name(), value.strip());
        }
        return new AnalysisParameters(descriptor.id(), values);
    }

    /** All values that are set (given or defaulted), by name. */
    public Map<String, String> asMap() {
        return values;
    }

    public boolean isSet(String name) {
        return values.containsKey(name);
    }

    public String getString(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("analysis " + analysisId + ": parameter '" + name + "' is not set");
        }
        return value;
    }

    public int getInt(String name) {
        return Integer.parseInt(getString(name));
    }

    public double getDouble(String name) {
        return Double.parseDouble(getString(name));
    }

    public boolean getBoolean(String name) {
        return Boolean.parseBoolean(getString(name));
    }

    public HookSite getHookSite(String name) {
        return HookSite.parse(getString(name));
    }
}
