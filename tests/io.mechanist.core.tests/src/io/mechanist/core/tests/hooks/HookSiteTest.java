package io.mechanist.core.tests.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HookSiteTest {

    @Test
    void idsFollowTheContract() {
        assertEquals("embed", HookSite.of(HookPoint.EMBED, -1).id());
        assertEquals("blocks.0.resid_pre", HookSite.of(HookPoint.RESID_PRE, 0).id());
        assertEquals("blocks.7.attn_out", HookSite.of(HookPoint.ATTN_OUT, 7).id());
        assertEquals("blocks.11.resid_mid", HookSite.of(HookPoint.RESID_MID, 11).id());
        assertEquals("blocks.2.mlp_out", HookSite.of(HookPoint.MLP_OUT, 2).id());
        assertEquals("blocks.25.resid_post", HookSite.of(HookPoint.RESID_POST, 25).id());
        assertEquals("blocks.3.attn_pattern", HookSite.of(HookPoint.ATTN_PATTERN, 3).id());
        assertEquals("final_norm", HookSite.of(HookPoint.FINAL_NORM, -1).id());
        assertEquals("logits", HookSite.global(HookPoint.LOGITS).id());
    }

    @Test
    void perLayerFlagsAndShapes() {
        List<HookPoint> global = List.of(HookPoint.EMBED, HookPoint.FINAL_NORM, HookPoint.LOGITS);
        for (HookPoint point : HookPoint.values()) {
            assertEquals(!global.contains(point), point.perLayer(), point.name());
        }
        assertEquals(List.of("batch", "head", "query", "key"), HookPoint.ATTN_PATTERN.axes());
        assertEquals(List.of("batch", "pos", "vocab"), HookPoint.LOGITS.axes());
        assertEquals("[batch, pos, d_model]", HookPoint.RESID_POST.shapeDescription());
        assertEquals("blocks.L.mlp_out", HookPoint.MLP_OUT.idPattern());
    }

    @Test
    void parseRoundTripsEveryPoint() {
        for (HookPoint point : HookPoint.values()) {
            for (int layer : point.perLayer() ? new int[] {0, 1, 9, 10, 123} : new int[] {-1}) {
                HookSite site = HookSite.of(point, layer);
                assertEquals(site, HookSite.parse(site.id()));
                assertEquals(site.id(), site.toString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Embed", "blocks.resid_pre", "blocks.-1.resid_pre", "blocks.01.resid_pre",
            "blocks.1.embed", "blocks.1.logits", "blocks.1.resid_pre.x", "blocks.x.resid_pre",
            "blocks.99999999999.resid_pre", "hook_resid_pre", "blocks.1.hook_resid_pre", "resid_pre",
            " logits", "blocks.1."})
    void parseRejectsInvalidIdsListingValidForms(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HookSite.parse(id));
        assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("embed, final_norm, logits"), e.getMessage());
        assertTrue(e.getMessage().contains("blocks.<layer>."), e.getMessage());
        assertTrue(e.getMessage().contains("resid_post"), e.getMessage());
    }

    @Test
    void constructorRejectsLayerMismatch() {
        assertThrows(IllegalArgumentException.class, () -> HookSite.of(HookPoint.RESID_PRE, -1));
        assertThrows(IllegalArgumentException.class, () -> HookSite.of(HookPoint.LOGITS, 0));
        assertThrows(IllegalArgumentException.class, () -> HookSite.of(HookPoint.EMBED, 3));
        assertThrows(NullPointerException.class, () -> HookSite.of(null, 0));
    }

    @Test
    void sitesSortInForwardOrder() {
        List<String> expected = List.of("embed",
                "blocks.0.resid_pre", "blocks.0.attn_pattern", "blocks.0.attn_out", "blocks.0.resid_mid",
                "blocks.0.mlp_out", "blocks.0.resid_post",
                "blocks.2.resid_pre", "blocks.2.attn_pattern", "blocks.2.attn_out", "blocks.2.resid_mid",
                "blocks.2.mlp_out", "blocks.2.resid_post",
                "blocks.10.resid_pre", "blocks.10.resid_post",
                "final_norm", "logits");
        List<HookSite> sites = new ArrayList<>(expected.stream().map(HookSite::parse).toList());
        Collections.shuffle(sites, new java.util.Random(7));
        Collections.sort(sites);
        assertEquals(expected, sites.stream().map(HookSite::id).toList());
        assertFalse(HookSite.parse("blocks.10.resid_pre").compareTo(HookSite.parse("blocks.2.resid_post")) < 0);
    }
}
