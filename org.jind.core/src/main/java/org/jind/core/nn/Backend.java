package org.jind.core.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.jind.core.JindException;
import org.jind.core.Version;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes ND4J find its native backend wherever JIND runs. ND4J looks up the backend through the class loader it
 * remembers, by default the thread's context class loader; inside OSGi (KNIME) that loader cannot see ND4J's
 * bundle, so the loader of ND4J's own classes is set first. Called before any ND4J use.
 */
public final class Backend {
    private static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";
    /** The system property that sets the thread count where no command line does (KNIME: a line in knime.ini). */
    public static final String THREADS_PROPERTY = "jind.threads";
    private static volatile boolean loaded; // the native libraries and ND4J's classes
    private static volatile boolean ready; // loaded, and the thread count applied
    private static Integer threads; // the process's thread count once fixed

    private Backend() {
    }

    public static void ensureLoaded() {
        if (!ready) {
            synchronized (Backend.class) {
                if (!ready) {
                    load();
                    apply(threads != null ? threads : threadsFromProperty());
                    ready = true;
                }
            }
        }
    }

    /**
     * Starts loading the native backend (JavaCPP's libraries, OpenBLAS, ND4J's classes: about 0.7 s, most of a short
     * command's fixed cost) on a daemon thread, so that it overlaps the reading of the input; the first computation
     * waits for it. The thread count and the warm-up product are still applied by the first computation, on its own
     * thread, as without this. A failure here is met again, and reported, by the first computation.
     */
    public static void loadInBackground() {
        if (loaded) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                load();
            } catch (Throwable e) {
                // the first computation loads again and reports what fails
            }
        }, "jind-backend-loading");
        t.setDaemon(true);
        t.start();
    }

    private static synchronized void load() {
        if (!loaded) {
            useVersionedNativeCacheInOsgi();
            ND4JClassLoading.setNd4jClassloaderFromClass(Nd4j.class);
            // ND4J's default checks every operation's workspace scope: measurable overhead on the many
            // small operations of a training step, and JIND uses no workspaces
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
            loaded = true;
        }
    }

    /**
     * Fixes the threads of ND4J's native backend (BLAS and element-wise work) for this process. ND4J's thread count
     * is process-wide, and it changes the order of floating-point sums: set per call, two steps running at once
     * (two KNIME nodes) changed each other's results. So it is set once, before the first computation: by the
     * command line's {@code --threads}, else from the system property {@value #THREADS_PROPERTY} (default 1).
     * Asking again for the same count is harmless; asking for another one once it is fixed is refused. The count is
     * applied to the backend by the first computation.
     */
    public static synchronized void useThreads(int n) {
        if (n < 1) {
            throw new JindException("The thread count must be at least 1; it is " + n + ".");
        }
        if (threads != null && threads != n) {
            throw new JindException("This process already computes with " + threads + " thread(s); the thread count"
                    + " is fixed once per process, so start a new one for " + n + ".");
        }
        threads = n;
    }

    /** The process's thread count (fixed by the first computation if nothing set it before). */
    public static synchronized int threads() {
        ensureLoaded();
        return threads;
    }

    /** The count the system property {@value #THREADS_PROPERTY} asks for, 1 when it is not set. */
    static int threadsFromProperty() {
        String v = System.getProperty(THREADS_PROPERTY);
        if (v == null || v.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new JindException("The Java system property " + THREADS_PROPERTY + " must be a whole number of at least"
                + " 1 (it is '" + v + "'): fix the line -D" + THREADS_PROPERTY + "=… in knime.ini (or JAVA_OPTS).");
    }

    private static synchronized void apply(int n) {
        threads = n;
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
        warmUpMatrixProducts();
    }

    /**
     * Measured on AMD EPYC with OpenBLAS's Haswell kernels, one thread: until one large matrix product has run in
     * the process, the first layer's products (1,024 × 5,000 times 5,000 × 256) take 260 ms each; after one 1,024 ×
     * 1,024 product they take 77 ms, for the rest of the process (user time equals wall time in both, so it is
     * not extra threads). Smaller warm-ups (256²) do not switch it. One 1,024² product costs about 2 GFLOP, once.
     */
    private static void warmUpMatrixProducts() {
        INDArray a = Nd4j.zeros(DataType.FLOAT, 1024, 1024);
        Nd4j.gemm(a, a, false, false).close();
        a.close();
    }

    /**
     * ND4J's OpenBLAS (0.3.19) does not recognise recent AMD processors: on a Zen 4 it falls back to its oldest
     * kernels (4× slower matrix products than the AVX-512 ones) unless the environment variable
     * {@code OPENBLAS_CORETYPE} names the right kernels before the process starts. The {@code jind} launcher sets
     * it; inside KNIME the user has to.
     *
     * @return advice for the user when this process runs with other kernels than the processor supports, else null
     */
    public static String blasAdvice() {
        String best = bestOpenBlasCore(List.of(cpuInfo("flags").split("\\s+")));
        String chosen = System.getenv("OPENBLAS_CORETYPE");
        if (!"AuthenticAMD".equals(cpuInfo("vendor_id")) || best == null || best.equalsIgnoreCase(chosen)) {
            return null;
        }
        return "OpenBLAS, which JIND uses through ND4J, does not recognise this processor and "
                + (chosen == null ? "may fall back to slow kernels" : "was told to use its " + chosen + " kernels")
                + ": set the environment variable OPENBLAS_CORETYPE=" + best
                + " before starting the program: JIND's training and alignment spend most of their time in matrix"
                + " products, which those kernels compute up to 4x faster.";
    }

    /** The kernels OpenBLAS was told to use, for reports. */
    public static String blasCore() {
        String forced = System.getenv("OPENBLAS_CORETYPE");
        return forced != null ? forced + " (OPENBLAS_CORETYPE)" : "detected by OpenBLAS";
    }

    /** OpenBLAS's fastest x86 kernels for these processor flags: AVX-512 (all five subsets), AVX2, or none. */
    static String bestOpenBlasCore(Collection<String> flags) {
        if (flags.containsAll(List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"))) {
            return "SkylakeX";
        }
        return flags.containsAll(List.of("avx2", "fma")) ? "Haswell" : null;
    }

    /** A field of the first processor in /proc/cpuinfo (Linux), or "" where there is none. */
    private static String cpuInfo(String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith(key) && l.contains(":")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Under OSGi, JavaCPP extracts the natives to a cache folder without a version in its name, so two
     * extensions with different ND4J versions in one KNIME would overwrite each other's libraries. Unless the
     * user chose a folder, ours gets a versioned one. JavaCPP reads the property once, so it is set only for
     * that first read and then cleared again for other JavaCPP copies.
     */
    private static void useVersionedNativeCacheInOsgi() {
        boolean osgi = String.valueOf(Nd4j.class.getResource("Nd4j.class")).startsWith("bundle");
        if (!osgi || System.getProperty(CACHE_DIR) != null || System.getProperty("org.bytedeco.javacpp.cacheDir") != null) {
            return;
        }
        String dir = System.getProperty("user.home") + "/.javacpp/cache/jind-" + Version.JIND + "-nd4j-" + Version.ND4J;
        System.setProperty(CACHE_DIR, dir);
        try {
            org.bytedeco.javacpp.Loader.getCacheDir();
        } catch (java.io.IOException e) {
            // JavaCPP falls back to its default folder when it first needs one
        } finally {
            System.clearProperty(CACHE_DIR);
        }
    }
}
