package io.mechanist.core.tests.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.hooks.TransformerLensNames;

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
            "blocks.99999999999.resid_pre", "hook_resid_pre", "blocks.1.hook_resid_prex", "resid_pre",
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

    @Test
    void transformerLensNamesParseToTheSameSites() {
        assertEquals(HookSite.of(HookPoint.RESID_POST, 3), HookSite.parse("blocks.3.hook_resid_post"));
        assertEquals(HookSite.of(HookPoint.RESID_PRE, 0), HookSite.parse("blocks.0.hook_resid_pre"));
        assertEquals(HookSite.of(HookPoint.RESID_MID, 11), HookSite.parse("blocks.11.hook_resid_mid"));
        assertEquals(HookSite.of(HookPoint.ATTN_OUT, 2), HookSite.parse("blocks.2.hook_attn_out"));
        assertEquals(HookSite.of(HookPoint.MLP_OUT, 2), HookSite.parse("blocks.2.hook_mlp_out"));
        assertEquals(HookSite.of(HookPoint.ATTN_PATTERN, 1), HookSite.parse("blocks.1.attn.hook_pattern"));
        assertEquals(HookSite.of(HookPoint.ATTN_Z, 3), HookSite.parse("blocks.3.attn.hook_z"));
        assertEquals(HookSite.of(HookPoint.ATTN_Q, 0), HookSite.parse("blocks.0.attn.hook_q"));
        assertEquals(HookSite.of(HookPoint.ATTN_K, 0), HookSite.parse("blocks.0.attn.hook_k"));
        assertEquals(HookSite.of(HookPoint.ATTN_V, 4), HookSite.parse("blocks.4.attn.hook_v"));
        assertEquals(HookSite.of(HookPoint.ATTN_SCORES, 1), HookSite.parse("blocks.1.attn.hook_attn_scores"));
        assertEquals(HookSite.of(HookPoint.MLP_POST, 6), HookSite.parse("blocks.6.mlp.hook_post"));
        // the rotated queries and keys are other values than attn_q/attn_k: no alias
        assertThrows(IllegalArgumentException.class, () -> HookSite.parse("blocks.1.attn.hook_rot_q"));
    }

    @Test
    void finerPointsHaveTheirShapesAndForwardOrder() {
        assertEquals(List.of("batch", "pos", "head", "d_head"), HookPoint.ATTN_Z.axes());
        assertEquals(List.of("batch", "pos", "kv_head", "d_head"), HookPoint.ATTN_K.axes());
        assertEquals(List.of("batch", "pos", "d_mlp"), HookPoint.MLP_POST.axes());
        assertTrue(HookPoint.ATTN_SCORES.queryKeyShaped());
        assertTrue(HookPoint.ATTN_PATTERN.queryKeyShaped());
        assertFalse(HookPoint.ATTN_Z.queryKeyShaped());
        List<String> expected = List.of("blocks.1.resid_pre", "blocks.1.attn_q", "blocks.1.attn_k", "blocks.1.attn_v",
                "blocks.1.attn_scores", "blocks.1.attn_pattern", "blocks.1.attn_z", "blocks.1.attn_out",
                "blocks.1.resid_mid", "blocks.1.mlp_post", "blocks.1.mlp_out", "blocks.1.resid_post");
        List<HookSite> sites = new ArrayList<>(expected.stream().map(HookSite::parse).toList());
        Collections.reverse(sites);
        Collections.sort(sites);
        assertEquals(expected, sites.stream().map(HookSite::id).toList());
    }

    @Test
    void everyAliasRoundTripsThroughItsName() {
        for (HookPoint point : HookPoint.values()) {
            HookSite site = point.perLayer() ? HookSite.of(point, 5) : HookSite.global(point);
            TransformerLensNames.nameOf(site).ifPresent(name -> assertEquals(site, HookSite.parse(name), name));
        }
        assertEquals("blocks.5.hook_resid_post", TransformerLensNames.nameOf(HookSite.of(HookPoint.RESID_POST, 5)).get());
        // TransformerLens's hook_embed lacks GPT-2's position embedding: not the same values as Mechanist's embed.
        assertTrue(TransformerLensNames.nameOf(HookSite.global(HookPoint.EMBED)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hook_embed", "blocks.3.hook_nonsense", "blocks.03.hook_resid_post", "blocks.-1.hook_resid_post",
            "blocks.3.attn.hook_resid_post"})
    void namesThatAreNotAliasesAreRefusedWithTheValidForms(String name) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> HookSite.parse(name));
        assertTrue(error.getMessage().contains("TransformerLens"), error.getMessage());
    }
}
