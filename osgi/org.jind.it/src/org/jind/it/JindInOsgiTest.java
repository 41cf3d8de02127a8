package org.jind.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.javacpp.Loader;
import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.sim.Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Runs inside Equinox (tycho-surefire, offline Tycho mode): the JIND bundles resolve, ND4J's native CPU backend
 * is loaded from the linux fragment of org.jind.libs, and a tiny model trains, saves, loads and annotates through
 * org.jind.core's public API.
 */
public class JindInOsgiTest {

    static final String PLATFORM = "linux-x86_64";
    static final String FRAGMENT = "org.jind.libs.linux.x86_64";
    static final String NATIVE_LIB = "org/nd4j/linalg/cpu/nativecpu/bindings/" + PLATFORM + "/libjnind4jcpu.so";
    static final String CACHEDIR = "org.bytedeco.javacpp.cachedir";

    static File javacppCache;

    /**
     * Points JavaCPP's cache at a private folder before anything loads a native library, the way a product
     * should (see README, "Building the KNIME extension"): under OSGi, JavaCPP names the cache subfolder only
     * after the platform ({@code <cache>/linux-x86_64/}), so two JavaCPP/ND4J versions in one KNIME would
     * overwrite each other's files in the shared default {@code ~/.javacpp/cache}. JavaCPP reads the system
     * property once and keeps the folder in a static field of its Loader, which is this bundle set's own copy;
     * the property is cleared again so other JavaCPP copies in the same JVM keep their default.
     */
    @BeforeAll
    static void javacppCache() throws IOException {
        String dir = System.getProperty("jind.it.javacpp.cachedir");
        assertNotNull(dir, "set by the surefire argLine");
        assertNull(System.getProperty(CACHEDIR));
        System.setProperty(CACHEDIR, dir);
        try {
            javacppCache = Loader.getCacheDir();
        } finally {
            System.clearProperty(CACHEDIR);
        }
        assertEquals(new File(dir).getCanonicalFile(), javacppCache.getCanonicalFile());
    }

    private static Bundle bundle(String bsn) {
        BundleContext ctx = FrameworkUtil.getBundle(JindInOsgiTest.class).getBundleContext();
        return Arrays.stream(ctx.getBundles()).filter(b -> bsn.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("bundle not installed: " + bsn));
    }

    static boolean resolved(Bundle b) {
        return (b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0;
    }

    static void assertResolved(String... bsns) {
        for (String bsn : bsns) {
            Bundle b = bundle(bsn);
            System.out.println("bundle " + bsn + " " + b.getVersion() + " state=" + b.getState());
            assertTrue(resolved(b), bsn + " not resolved, state=" + b.getState());
        }
    }

    @Test
    public void bundlesResolveAndTheNativeFragmentIsAttached() {
        assertResolved("org.jind.libs", "org.jind.core", FRAGMENT);
        Bundle fragment = bundle(FRAGMENT);
        assertTrue((fragment.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0);
        List<BundleWire> hostWires = fragment.adapt(BundleWiring.class).getRequiredWires(BundleRevision.HOST_NAMESPACE);
        assertEquals(1, hostWires.size());
        assertEquals("org.jind.libs", hostWires.get(0).getProvider().getSymbolicName());
        // org.jind.core is wired to org.jind.libs by Require-Bundle
        List<BundleWire> coreWires = bundle("org.jind.core").adapt(BundleWiring.class)
                .getRequiredWires(BundleRevision.BUNDLE_NAMESPACE);
        assertTrue(coreWires.stream().anyMatch(w -> "org.jind.libs".equals(w.getProvider().getSymbolicName())),
                coreWires.toString());
    }

    /**
     * SLF4J is the platform's (in KNIME: its slf4j-api bundle, whose knime.log binding is a fragment of it), not a
     * copy inside org.jind.libs: an embedded copy sees no provider and drops every ND4J, JavaCPP and jHDF message.
     */
    @Test
    public void slf4jIsImportedFromThePlatformNotEmbedded() throws ReflectiveOperationException {
        Bundle libs = bundle("org.jind.libs");
        String classPath = libs.getHeaders().get("Bundle-ClassPath");
        assertTrue(classPath.contains("lib/nd4j-native-"), classPath);
        assertTrue(!classPath.contains("slf4j"), classPath);
        List<BundleWire> packageWires = libs.adapt(BundleWiring.class)
                .getRequiredWires(BundleRevision.PACKAGE_NAMESPACE);
        BundleWire slf4j = packageWires.stream()
                .filter(w -> "org.slf4j".equals(w.getCapability().getAttributes().get(BundleRevision.PACKAGE_NAMESPACE)))
                .findFirst().orElseThrow(() -> new AssertionError("org.jind.libs imports no org.slf4j"));
        assertEquals("slf4j.api", slf4j.getProvider().getSymbolicName());
        assertEquals(2, slf4j.getProvider().getVersion().getMajor());
        // what ND4J's classes see through org.jind.libs' class loader is that bundle's LoggerFactory, and it found
        // the platform's provider (slf4j-simple here), so their messages are logged, not dropped
        Class<?> factory = Nd4j.class.getClassLoader().loadClass("org.slf4j.LoggerFactory");
        assertEquals("slf4j.api", FrameworkUtil.getBundle(factory).getSymbolicName());
        Object loggers = factory.getMethod("getILoggerFactory").invoke(null);
        System.out.println("SLF4J logger factory seen by org.jind.libs: " + loggers.getClass().getName());
        assertEquals("slf4j.simple", FrameworkUtil.getBundle(loggers.getClass()).getSymbolicName());
    }

    @Test
    public void nativeLibraryComesFromTheFragmentNotTheHost() {
        Bundle libs = bundle("org.jind.libs");
        assertNull(libs.getEntry(NATIVE_LIB), "the host must not carry natives");
        assertNotNull(bundle(FRAGMENT).getEntry(NATIVE_LIB), "the fragment must carry natives");
        URL viaHostLoader = Nd4j.class.getClassLoader().getResource(NATIVE_LIB);
        System.out.println("native library seen by org.jind.libs' class loader: " + viaHostLoader);
        assertNotNull(viaHostLoader);
    }

    @Test
    public void tinyModelTrainsSavesLoadsAndAnnotates() throws IOException {
        Dataset d = Simulator.simulate(new Simulator.Settings(60, 50, 3, 1, 0.0, 0.3, 0.05, false, 1));
        assertEquals(60, d.cells());
        JindModel m = Jind.train(d, "cell_type", null, new TrainSettings(50, 2, 32, 1e-3, 0.2, 0), Progress.NONE);

        // ND4J runs on its native CPU backend, and the classes come from the bundles, not a flat class path
        String backend = Nd4j.getBackend().getClass().getName();
        System.out.println("ND4J backend: " + backend);
        assertTrue(backend.endsWith("CpuBackend"), backend);
        assertEquals("org.jind.libs", FrameworkUtil.getBundle(Nd4j.class).getSymbolicName());
        assertEquals("org.jind.core", FrameworkUtil.getBundle(Jind.class).getSymbolicName());

        Path dir = Files.createTempDirectory("jind-it");
        Path file = dir.resolve("tiny.jind");
        m.save(file);
        assertTrue(Files.size(file) > 0);
        JindModel back = JindModel.load(file);
        assertArrayEquals(m.classes, back.classes);
        assertEquals(3, back.classes.length);

        Annotation a = Jind.annotate(back, d, 0.05, false, Progress.NONE);
        assertEquals(d.cells(), a.cells());
        assertEquals(d.cells(), a.predicted().length);
        assertEquals(d.cells() * back.classes.length, a.probabilities().length);
        String[] truth = d.obs("cell_type");
        int correct = 0;
        for (int i = 0; i < d.cells(); i++) {
            if (truth[i].equals(a.rawLabel(i))) {
                correct++;
            }
        }
        double accuracy = correct / (double) d.cells();
        System.out.printf("tiny model: %d cells, raw accuracy %.3f, rejected %.3f%n", a.cells(), accuracy,
                a.rejectedFraction());
        assertTrue(accuracy > 0.5, "raw accuracy " + accuracy);
        // the same annotation from the model before saving: the file round trip is exact
        assertArrayEquals(Jind.annotate(m, d, 0.05, false, Progress.NONE).probabilities(), a.probabilities());
        Files.delete(file);
        Files.delete(dir);

        // JavaCPP extracted the natives it found through org.jind.libs' loader into the private cache
        File extracted = new File(javacppCache, PLATFORM + "/libnd4jcpu.so");
        System.out.println("extracted: " + extracted + " exists=" + extracted.isFile());
        assertTrue(extracted.isFile(), extracted + " missing");
    }

    /** The figures draw inside OSGi: JFreeChart and JFreeSVG from org.jind.libs, ImageIO from the JRE. */
    @Test
    public void figuresDrawAsPngAndSvg() {
        System.setProperty("java.awt.headless", "true");
        org.jind.core.plot.Figure f = org.jind.core.plot.ConfusionHeatmap.of(new org.jind.core.plot.ConfusionHeatmap.Data(
                new String[] {"a", "b"}, new String[] {"a", "b", "Unassigned"},
                new double[][] {{0.9, 0.05, 0.05}, {0.2, 0.7, 0.1}}, 20, 0.8, 0.1, 0.85));
        byte[] png = f.png();
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        assertTrue(f.svg().contains("<svg"));
    }
}
