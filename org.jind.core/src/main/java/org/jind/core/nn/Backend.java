package org.jind.core.nn;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Makes ND4J find its native backend wherever JIND runs. ND4J looks up the backend through the class loader it
 * remembers, by default the thread's context class loader; inside OSGi (KNIME) that loader cannot see ND4J's
 * bundle, so the loader of ND4J's own classes is set first. Called before any ND4J use.
 */
public final class Backend {
    private static volatile boolean ready;

    private Backend() {
    }

    public static void ensureLoaded() {
        if (!ready) {
            synchronized (Backend.class) {
                if (!ready) {
                    ND4JClassLoading.setNd4jClassloaderFromClass(Nd4j.class);
                    ready = true;
                }
            }
        }
    }
}
