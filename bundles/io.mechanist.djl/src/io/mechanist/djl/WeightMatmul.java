package io.mechanist.djl;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtGradientCollector;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * {@code y = x W^T + b}, the product of activations with a weight, on {@link OpenBlas} where it can run there and on
 * libtorch otherwise; the one primitive the forward multiplies by its weights with.
 *
 * <p>OpenBLAS reads and writes libtorch's memory in place: the inputs' direct buffers, and an uninitialised output
 * tensor in {@code x}'s manager (as libtorch's own result would be). It is used only where that is exact and safe:
 * float32 tensors of the PyTorch engine on the CPU, nothing recording gradients (a product libtorch does not see
 * would cut the autograd graph), {@code x} and the weight dense. A weight that is a transposed view of a dense
 * [in, out] matrix (GPT-2's Conv1D) is multiplied as it is stored. Everything else, CUDA tensors included, goes to
 * libtorch's {@code linear}, as does every product when OpenBLAS is not available.
 */
public final class WeightMatmul {

    /** Blocks of a matrix handed to OpenBLAS at once stay below this (a direct buffer holds under 2 GiB). */
    private static final long BLOCK_BYTES = 1L << 30;

    private static volatile MethodHandle contiguity;
    private static volatile AtomicBoolean collecting;
    private static final LongAdder ON_OPENBLAS = new LongAdder();
    private static final LongAdder ON_LIBTORCH = new LongAdder();

    private WeightMatmul() {
    }

    /** x [..., in] times weight [out, in], plus bias [out] when not null: [..., out]. */
    public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        if (!OpenBlas.available() || !onCpuInFloat32(x) || !onCpuInFloat32(weight)
                || bias != null && !onCpuInFloat32(bias) || recordsGradients(x, weight, bias)) {
            return libtorch(x, weight, bias);
        }
        Shape weightShape = weight.getShape();
        Shape xShape = x.getShape();
        if (weightShape.dimension() != 2 || xShape.dimension() < 1 || xShape.getLastDimension() != weightShape.get(1)
                || xShape.size() == 0 || weightShape.size() == 0 || !isDense(x)) {
            return libtorch(x, weight, bias);
        }
        if (isDense(weight)) {
            return product(x, (PtNDArray) weight, true, bias);
        }
        // A transposed view of a dense [in, out] matrix: multiply it as stored, without a copy.
        try (NDArray stored = weight.transpose()) {
            if (isDense(stored) && stored.getShape().size() * Float.BYTES <= BLOCK_BYTES) {
                return product(x, (PtNDArray) stored, false, bias);
            }
        }
        return libtorch(x, weight, bias);
    }

    /** The same product on libtorch alone (the fallback, also for comparisons). */
    public static NDArray libtorch(NDArray x, NDArray weight, NDArray bias) {
        ON_LIBTORCH.increment();
        return ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
    }

    /** How many products {@link #linear} and {@link #libtorch} have run so far: {on OpenBLAS, on libtorch}. */
    public static long[] productCounts() {
        return new long[] {ON_OPENBLAS.sum(), ON_LIBTORCH.sum()};
    }

    /**
     * x [M, K] (any leading shape) times weight: stored [N, K] when {@code transposed}, else [K, N]. Large matrices
     * go in blocks of rows (of x and y, and of a [N, K] weight) that each fit in one direct buffer.
     */
    private static NDArray product(NDArray x, PtNDArray weight, boolean transposed, NDArray bias) {
        Shape xShape = x.getShape();
        long k = xShape.getLastDimension();
        long m = xShape.size() / k;
        long n = transposed ? weight.getShape().get(0) : weight.getShape().get(1);
        long[] outDims = xShape.getShape().clone(); // getShape() is the array x's own Shape holds
        outDims[outDims.length - 1] = n;
        NDArray y = x.getManager().create(new Shape(outDims), DataType.FLOAT32);
        long rowsPerBlock = Math.max(1, BLOCK_BYTES / (Float.BYTES * Math.max(k, n)));
        long weightRowsPerBlock = transposed ? Math.max(1, BLOCK_BYTES / (Float.BYTES * k)) : n;
        List<NDArray> views = new ArrayList<>();
        try {
            boolean whole = m <= rowsPerBlock && n <= weightRowsPerBlock;
            PtNDArray x2 = whole ? (PtNDArray) x : view(x.reshape(m, k), views);
            PtNDArray y2 = whole ? (PtNDArray) y : view(y.reshape(m, n), views);
            for (long m0 = 0; m0 < m; m0 += rowsPerBlock) {
                long m1 = Math.min(m, m0 + rowsPerBlock);
                FloatBuffer a = floats(whole ? x2 : view(JniUtils.slice(x2, 0, m0, m1, 1), views));
                FloatBuffer c = floats(whole ? y2 : view(JniUtils.slice(y2, 0, m0, m1, 1), views));
                for (long n0 = 0; n0 < n; n0 += weightRowsPerBlock) {
                    long n1 = Math.min(n, n0 + weightRowsPerBlock);
                    FloatBuffer b = floats(n0 == 0 && n1 == n ? weight
                            : view(JniUtils.slice(weight, 0, n0, n1, 1), views));
                    OpenBlas.sgemm((int) (m1 - m0), (int) (n1 - n0), (int) k, a, (int) k, b,
                            (int) (transposed ? k : n), transposed, c.position((int) n0).slice(), (int) n);
                }
            }
        } finally {
            views.forEach(NDArray::close);
        }
        if (bias != null) {
            y.addi(bias);
        }
        ON_OPENBLAS.increment();
        return y;
    }

    private static PtNDArray view(NDArray array, List<NDArray> views) {
        views.add(array);
        return (PtNDArray) array;
    }

    /** The tensor's own memory (it is dense, so this copies nothing). */
    static FloatBuffer floats(PtNDArray array) {
        ByteBuffer bytes = array.toByteBuffer(true);
        if (!bytes.isDirect()) {
            throw new IllegalStateException("libtorch gave no direct buffer for a dense " + array.getShape());
        }
        return bytes.asFloatBuffer();
    }

    /**
     * While a gradient collector is open, or with an input that requires a gradient. The collector is asked too:
     * with the inputs' flags alone the runtime's gradients at hook sites were lost (GradientTest failed). It is
     * DJL's flag for any open collector, not libtorch's grad mode: that is on by default in every thread but the
     * one that started the engine, which would send the same product to different paths on different threads.
     */
    private static boolean recordsGradients(NDArray x, NDArray weight, NDArray bias) {
        return collecting().get() || x.hasGradient() || weight.hasGradient() || bias != null && bias.hasGradient();
    }

    static AtomicBoolean collecting() {
        AtomicBoolean flag = collecting;
        if (flag == null) {
            try {
                Field field = PtGradientCollector.class.getDeclaredField("isCollecting");
                field.setAccessible(true);
                flag = (AtomicBoolean) field.get(null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.getLogger(WeightMatmul.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot tell whether gradients are being collected; matrix products stay on libtorch: " + e);
                flag = new AtomicBoolean(true);
            }
            collecting = flag;
        }
        return flag;
    }

    static boolean onCpuInFloat32(NDArray array) {
        return array instanceof PtNDArray && array.getDataType() == DataType.FLOAT32
                && Device.cpu().equals(array.getDevice());
    }

    /** Dense row-major (libtorch's is_contiguous); false when that cannot be asked. */
    static boolean isDense(NDArray array) {
        MethodHandle check = contiguity();
        if (check == null) {
            return false;
        }
        try {
            return (boolean) check.invoke(((PtNDArray) array).getHandle().longValue());
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * DJL answers is_contiguous only inside its JNI class; without it a strided view would be copied on every call
     * (into the weights' long-lived manager), so ask libtorch directly.
     */
    private static MethodHandle contiguity() {
        MethodHandle check = contiguity;
        if (check == null) {
            try {
                Class<?> library = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary", true,
                        JniUtils.class.getClassLoader());
                Field instance = library.getDeclaredField("LIB");
                instance.setAccessible(true);
                Method isContiguous = library.getDeclaredMethod("torchIsContiguous", long.class);
                isContiguous.setAccessible(true);
                check = MethodHandles.lookup().unreflect(isContiguous).bindTo(instance.get(null));
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.getLogger(WeightMatmul.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot ask libtorch whether a tensor is dense; matrix products stay on libtorch: " + e);
                check = MethodHandles.constant(boolean.class, false);
                check = MethodHandles.dropArguments(check, 0, long.class);
            }
            contiguity = check;
        }
        return check;
    }
}
