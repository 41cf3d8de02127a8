package org.jind.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * org.jind.knime inside Equinox, on the KNIME stand-ins of the offline Tycho mode (bundles named like KNIME's,
 * with knime-api-stub's classes): it resolves, plugin.xml's contributions reach the extension registry, every
 * class of the bundle loads and links, and each node factory has its description and icon. The stand-ins' method
 * bodies throw, so nothing here creates a node: that needs a real KNIME.
 */
public class KnimeNodesInOsgiTest {

    static final String KNIME = "org.jind.knime";
    static final List<String> FACTORIES = List.of(
            "org.jind.knime.nodes.reader.SingleCellReaderNodeFactory",
            "org.jind.knime.nodes.train.TrainJindNodeFactory",
            "org.jind.knime.nodes.align.AlignBatchNodeFactory",
            "org.jind.knime.nodes.selftrain.SelfTrainJindPlusNodeFactory",
            "org.jind.knime.nodes.annotate.AnnotateRejectNodeFactory",
            "org.jind.knime.nodes.scorer.JindScorerNodeFactory");

    private static Bundle bundle(String bsn) {
        return Arrays.stream(FrameworkUtil.getBundle(KnimeNodesInOsgiTest.class).getBundleContext().getBundles())
                .filter(b -> bsn.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("bundle not installed: " + bsn));
    }

    @Test
    public void knimeBundleResolvesAgainstTheStandIns() {
        JindInOsgiTest.assertResolved("org.knime.core", "org.knime.core.ui", "org.knime.workbench.core",
                "org.knime.workbench.repository", KNIME);
        Set<String> required = new TreeSet<>();
        for (BundleWire w : bundle(KNIME).adapt(BundleWiring.class).getRequiredWires(BundleRevision.BUNDLE_NAMESPACE)) {
            required.add(w.getProvider().getSymbolicName());
        }
        assertEquals(new TreeSet<>(List.of("org.jind.core", "org.knime.core", "org.knime.core.ui",
                "org.knime.workbench.core", "org.knime.workbench.repository")), required);
        assertTrue(bundle("org.knime.core").getVersion().toString().startsWith("5.6.0"));
        // the stand-in is compile-only: org.jind.knime must not carry any KNIME class itself
        assertNull(bundle(KNIME).findEntries("org/knime", "*", true));
    }

    @Test
    public void pluginXmlContributesTheNodesCategoryAndPortType() throws Exception {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        assertNotNull(registry, "no extension registry");
        Bundle knime = bundle(KNIME);

        List<String> factories = new ArrayList<>();
        for (IConfigurationElement e : registry.getConfigurationElementsFor("org.knime.workbench.repository.nodes")) {
            if (KNIME.equals(e.getContributor().getName())) {
                assertEquals("/jind", e.getAttribute("category-path"));
                factories.add(e.getAttribute("factory-class"));
            }
        }
        assertEquals(FACTORIES, factories);

        List<IConfigurationElement> categories = Arrays.stream(
                registry.getConfigurationElementsFor("org.knime.workbench.repository.categories"))
                .filter(e -> KNIME.equals(e.getContributor().getName())).toList();
        assertEquals(1, categories.size());
        assertEquals("jind", categories.get(0).getAttribute("level-id"));
        assertNotNull(knime.getEntry(categories.get(0).getAttribute("icon")), "category icon");

        List<IConfigurationElement> ports = Arrays.stream(registry.getConfigurationElementsFor("org.knime.core.PortType"))
                .filter(e -> KNIME.equals(e.getContributor().getName())).toList();
        assertEquals(1, ports.size());
        for (String attribute : List.of("objectClass", "objectSerializer", "specClass", "specSerializer")) {
            assertNotNull(knime.loadClass(ports.get(0).getAttribute(attribute)), attribute);
        }
    }

    @Test
    public void nodeFactoriesLoadWithTheirDescriptionsAndIcons() throws Exception {
        Bundle knime = bundle(KNIME);
        Class<?> nodeFactory = bundle("org.knime.core").loadClass("org.knime.core.node.NodeFactory");
        // the node API's factories, and a classic factory with the modern dialog: KNIME generates their
        // descriptions from the parameters class, and the factory's code names the icon
        List<Class<?>> generated = new ArrayList<>();
        for (String api : List.of("org.knime.node.DefaultNodeFactory",
                "org.knime.core.webui.node.impl.WebUINodeFactory",
                "org.knime.core.webui.node.dialog.NodeDialogFactory")) {
            generated.add(bundle("org.knime.core").loadClass(api));
        }
        for (String name : FACTORIES) {
            Class<?> factory = knime.loadClass(name);
            boolean modern = generated.stream().anyMatch(api -> api.isAssignableFrom(factory));
            assertTrue(modern || nodeFactory.isAssignableFrom(factory), name + " is no NodeFactory");
            Class<?> knimeSuper = factory.getSuperclass(); // via our JindNodeFactory base: the first KNIME class up
            while (!knimeSuper.getName().startsWith("org.knime.")) {
                knimeSuper = knimeSuper.getSuperclass();
            }
            assertEquals("org.knime.core", FrameworkUtil.getBundle(knimeSuper).getSymbolicName());
            assertNotNull(factory.getConstructor(), name + " needs a public no-argument constructor");
            String iconPath;
            if (modern) {
                assertNull(factory.getResource(factory.getSimpleName() + ".xml"), name + ": a stale description XML");
                iconPath = modernIcon(factory);
            } else {
                URL description = factory.getResource(factory.getSimpleName() + ".xml");
                assertNotNull(description, name + ": no node description");
                String xml;
                try (InputStream in = description.openStream()) {
                    xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Matcher icon = Pattern.compile("<knimeNode[^>]*\\sicon=\"([^\"]+)\"").matcher(xml);
                assertTrue(icon.find(), name + ": description names no icon");
                iconPath = icon.group(1);
            }
            // resolved the way KNIME's NodeFactory#resolveIcon does: "./" dropped, relative to the factory's package
            iconPath = iconPath.replace("//", "/");
            iconPath = iconPath.startsWith("./") ? iconPath.substring(2) : iconPath;
            iconPath = iconPath.startsWith("/") ? iconPath.substring(1)
                    : factory.getPackageName().replace('.', '/') + "/" + iconPath;
            assertNotNull(factory.getClassLoader().getResource(iconPath), name + ": icon " + iconPath + " missing");
        }
    }

    /**
     * The icon a modern factory's source names in {@code .icon("…")}: the stand-in cannot build a DefaultNode, so
     * it is read from the one PNG beside the factory class that the class file mentions.
     */
    private static String modernIcon(Class<?> factory) throws Exception {
        byte[] code;
        try (InputStream in = factory.getResourceAsStream(factory.getSimpleName() + ".class")) {
            code = in.readAllBytes();
        }
        Matcher png = Pattern.compile("[./A-Za-z0-9_-]+\\.png").matcher(new String(code, StandardCharsets.ISO_8859_1));
        assertTrue(png.find(), factory.getName() + ": names no icon");
        return png.group();
    }

    /** Every class of org.jind.knime loads and its members' types resolve (stand-ins, org.jind.core, the JRE). */
    @Test
    public void everyClassOfTheBundleLoadsAndLinks() throws IOException {
        Bundle knime = bundle(KNIME);
        List<URL> entries = Collections.list(knime.findEntries("org/jind/knime", "*.class", true));
        List<String> failures = new ArrayList<>();
        for (URL u : entries) {
            String path = u.getPath();
            String name = path.substring(path.indexOf("org/jind/knime/"), path.length() - ".class".length())
                    .replace('/', '.');
            try {
                Class<?> c = knime.loadClass(name);
                c.getDeclaredMethods();
                c.getDeclaredFields();
                c.getDeclaredConstructors();
                if (c.getSuperclass() != null && c.getSuperclass().getName().startsWith("org.knime.")) {
                    assertEquals("org.knime.core", FrameworkUtil.getBundle(c.getSuperclass()).getSymbolicName());
                }
            } catch (ClassNotFoundException | LinkageError e) {
                failures.add(name + ": " + e);
            }
        }
        System.out.println("org.jind.knime: " + entries.size() + " classes loaded and linked");
        assertTrue(entries.size() > 40, "only " + entries.size() + " classes");
        assertEquals(List.of(), failures);
    }
}
