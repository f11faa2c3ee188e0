package io.mechanist.runtime.internal;

import ai.djl.ndarray.NDArray;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;

/**
 * One pre-norm decoder block, shared by every family:
 * <pre>
 * resid_pre  = x
 * attn_out   = postAttnNorm?(attention(preAttnNorm(x)))      (post-norm only with sandwich norms; attention
 *                                                              passes attn_q/k/v/scores/pattern/z inside)
 * resid_mid  = resid_pre + attn_out
 * mlp_out    = postMlpNorm?(mlp(preMlpNorm(resid_mid)))       (mlp's hidden activation is mlp_post)
 * resid_post = resid_mid + mlp_out
 * </pre>
 * Each named value passes through its hook site, so an edit at a site changes everything computed after it.
 */
public final class DecoderLayer {
    private final Norm preAttnNorm;
    private final Attention attention;
    private final Norm postAttnNorm;
    private final Norm preMlpNorm;
    private final Mlp mlp;
    private final Norm postMlpNorm;
    private final HookSite residPre;
    private final HookSite attnOut;
    private final HookSite residMid;
    private final HookSite mlpPost;
    private final HookSite mlpOut;
    private final HookSite residPost;

    public DecoderLayer(int layer, Norm preAttnNorm, Attention attention, Norm postAttnNorm, Norm preMlpNorm, Mlp mlp,
            Norm postMlpNorm) {
        this.preAttnNorm = preAttnNorm;
        this.attention = attention;
        this.postAttnNorm = postAttnNorm;
        this.preMlpNorm = preMlpNorm;
        this.mlp = mlp;
        this.postMlpNorm = postMlpNorm;
        this.residPre = HookSite.of(HookPoint.RESID_PRE, layer);
        this.attnOut = HookSite.of(HookPoint.ATTN_OUT, layer);
        this.residMid = HookSite.of(HookPoint.RESID_MID, layer);
        this.mlpPost = HookSite.of(HookPoint.MLP_POST, layer);
        this.mlpOut = HookSite.of(HookPoint.MLP_OUT, layer);
        this.residPost = HookSite.of(HookPoint.RESID_POST, layer);
    }

    /** x [batch, pos, d_model] -> resid_post [batch, pos, d_model]. */
    public NDArray apply(NDArray x, ForwardContext ctx) {
        HookRuntime hooks = ctx.hooks();
        NDArray pre = hooks.apply(residPre, x);
        NDArray attn = attention.apply(preAttnNorm.apply(pre), ctx);
        if (postAttnNorm != null) {
            attn = postAttnNorm.apply(attn);
        }
        attn = hooks.apply(attnOut, attn);
        NDArray mid = hooks.apply(residMid, residual(pre, attn, hooks));
        NDArray mlpResult = mlp.apply(preMlpNorm.apply(mid), hooks, mlpPost);
        if (postMlpNorm != null) {
            mlpResult = postMlpNorm.apply(mlpResult);
        }
        mlpResult = hooks.apply(mlpOut, mlpResult);
        return hooks.apply(residPost, residual(mid, mlpResult, hooks));
    }

    /**
     * stream + update. The update (a projection's or norm's fresh output, already passed through its hook site,
     * whose captures copied it) is not read again, so the sum goes into its memory rather than a new tensor that the
     * kernel would have to fault in; float addition is commutative, so the numbers are the same. While autograd
     * records, a new tensor as before.
     */
    private static NDArray residual(NDArray stream, NDArray update, HookRuntime hooks) {
        return hooks.recordsGradients() ? stream.add(update) : update.addi(stream);
    }
}
