package io.mechanist.api.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedSet;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * The check on planted changes: real compiled classes (fixture packages of this bundle, each a variant of
 * fixture.v1) read by {@link ApiSignature} and judged by {@link ApiBaseline}.
 */
class ApiBaselineRulesTest {

    private static final Version V1 = new Version(1, 0, 0);

    @Test
    void unchangedApiPassesAtTheSameVersion() throws Exception {
        assertEquals(List.of(), check("v1", V1));
        assertTrue(api("v1").contains("~.Counter#LIMIT : field static final int = 3"), api("v1").toString());
        assertTrue(api("v1").contains("~.Greeter#greet(java.lang.String) : method abstract java.lang.String"),
                api("v1").toString());
    }

    @Test
    void aRemovedMethodNeedsANewMajorVersion() throws Exception {
        List<String> violations = check("removed", V1);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("incompatible API change needs version 2.0.0"), violations.get(0));
        assertTrue(violations.get(0).contains("~.Counter#count()"), violations.get(0));
        assertEquals(1, check("removed", new Version(1, 1, 0)).size(), "a minor step is not enough");
        assertEquals(List.of(), check("removed", new Version(2, 0, 0)));
    }

    @Test
    void aChangedParameterTypeOrConstantIsIncompatible() throws Exception {
        List<String> violations = check("changed", V1);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("~.Greeter#greet(java.lang.String)"), violations.get(0));
        assertTrue(violations.get(0).contains("~.Counter#LIMIT : field static final int = 3"), violations.get(0));
        assertEquals(List.of(), check("changed", new Version(2, 0, 0)));
    }

    @Test
    void anAbstractMethodAddedToAnInterfaceBreaksImplementers() throws Exception {
        List<String> violations = check("abstractadded", new Version(1, 1, 0));
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("new abstract method ~.Greeter#farewell"), violations.get(0));
    }

    @Test
    void addedMethodsNeedANewMinorVersion() throws Exception {
        for (String variant : List.of("added", "defaultadded")) {
            List<String> violations = check(variant, V1);
            assertEquals(1, violations.size(), variant + ": " + violations);
            assertTrue(violations.get(0).contains("added API needs version 1.1.0 and @since 1.1"), violations.get(0));
            assertEquals(List.of(), check(variant, new Version(1, 1, 0)), variant);
        }
    }

    @Test
    void aVersionBelowTheBaselineIsRefused() throws Exception {
        List<String> violations = ApiBaseline.violations("p", V1, api("v1"), new Version(0, 9, 0), api("v1"));
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).contains("older than its baseline"));
    }

    private static List<String> check(String variant, Version version) throws Exception {
        return ApiBaseline.violations("fixture", V1, api("v1"), version, api(variant));
    }

    private static SortedSet<String> api(String variant) throws Exception {
        Bundle self = FrameworkUtil.getBundle(ApiBaselineRulesTest.class);
        return ApiSignature.of(self, "io.mechanist.api.tests.fixture." + variant);
    }
}
