package org.jind.core.nn;

import org.jind.core.Version;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes ND4J find its native backend wherever JIND runs. ND4J looks up the backend through the class loader it
 * remembers, by default the thread's context class loader; inside OSGi (KNIME) that loader cannot see ND4J's
 * bundle, so the loader of ND4J's own classes is set first. Called before any ND4J use.
 */
public final class Backend {
    private static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";
    private static volatile boolean ready;

    private Backend() {
    }

    public static void ensureLoaded() {
        if (!ready) {
            synchronized (Backend.class) {
                if (!ready) {
                    useVersionedNativeCacheInOsgi();
                    ND4JClassLoading.setNd4jClassloaderFromClass(Nd4j.class);
                    // ND4J's default checks every operation's workspace scope: measurable overhead on the many
                    // small operations of a training step, and JIND uses no workspaces
                    Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
                    ready = true;
                }
            }
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
