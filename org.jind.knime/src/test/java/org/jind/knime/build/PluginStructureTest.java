package org.jind.knime.build;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jind.knime.logic.NodeParameters;
import org.jind.knime.logic.SingleCellRead;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What KNIME needs to find and show the nodes: plugin.xml naming existing classes, a description XML beside
 * every factory (every option and port documented, the paper cited) with a 16x16 PNG icon, and an OSGi-ready
 * manifest and build.properties.
 */
public class PluginStructureTest {
    private static final String CITATION = "Bioinformatics 38(9):2488–2495, 2022";

    /** Per factory: its options as the dialog labels them, and its in/out port counts. */
    private record Expected(List<String> options, int in, int out) {
    }

    private static final Map<String, Expected> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("org.jind.knime.nodes.reader.SingleCellReaderNodeFactory", new Expected(List.of(
                SingleCellRead.FILE, SingleCellRead.MATRIX, SingleCellRead.BATCH_COLUMN, SingleCellRead.BATCHES,
                SingleCellRead.CELL_LIMIT, SingleCellRead.GENES, SingleCellRead.TOP_GENES,
                SingleCellRead.GENE_IDENTIFIER), 1, 1));
        FACTORIES.put("org.jind.knime.nodes.train.TrainJindNodeFactory", new Expected(List.of(
                NodeParameters.LABEL_COLUMN, NodeParameters.GENE_COLUMNS, NodeParameters.MISSING_VALUES,
                NodeParameters.GENES_KEPT, NodeParameters.EPOCHS, NodeParameters.BATCH_SIZE,
                NodeParameters.LEARNING_RATE,
                NodeParameters.VALIDATION_FRACTION, NodeParameters.SEED), 1, 2));
        FACTORIES.put("org.jind.knime.nodes.align.AlignBatchNodeFactory", new Expected(List.of(
                NodeParameters.LEARNING_RATE, NodeParameters.WEIGHT_DECAY_G, NodeParameters.WEIGHT_DECAY_D,
                NodeParameters.BATCH_SIZE, NodeParameters.MAX_EPOCHS, NodeParameters.PATIENCE, NodeParameters.THETA,
                NodeParameters.CONSIDER_UNALIGNED, NodeParameters.SEED,
                NodeParameters.MISSING_VALUES,
                NodeParameters.FILL_ABSENT_GENES, NodeParameters.BATCH_COLUMN, NodeParameters.BATCHES_AT_ONCE), 2, 2));
        FACTORIES.put("org.jind.knime.nodes.selftrain.SelfTrainJindPlusNodeFactory", new Expected(List.of(
                NodeParameters.KEEP_FRACTION, NodeParameters.LEARNING_RATE, NodeParameters.BATCH_SIZE,
                NodeParameters.EPOCHS, NodeParameters.VALIDATION_FRACTION, NodeParameters.SEED,
                NodeParameters.MISSING_VALUES, NodeParameters.FILL_ABSENT_GENES, NodeParameters.BATCH_COLUMN,
                NodeParameters.BATCHES_AT_ONCE), 2, 1));
        FACTORIES.put("org.jind.knime.nodes.annotate.AnnotateRejectNodeFactory", new Expected(List.of(
                NodeParameters.THETA, NodeParameters.RAW_COLUMN, NodeParameters.PREDICTION_COLUMN,
                NodeParameters.CONFIDENCE_COLUMN, NodeParameters.APPEND_PROBABILITIES,
                NodeParameters.PROBABILITY_PATTERN, NodeParameters.APPEND_LATENT, NodeParameters.MISSING_VALUES,
                NodeParameters.FILL_ABSENT_GENES),
                2, 1));
        FACTORIES.put("org.jind.knime.nodes.scorer.JindScorerNodeFactory", new Expected(List.of(
                NodeParameters.TRUTH_COLUMN, NodeParameters.PREDICTION_COLUMN, NodeParameters.RAW_COLUMN), 1, 2));
    }

    @Test
    public void pluginXmlRegistersTheCategoryTheNodesAndThePortType() throws Exception {
        Document plugin = parse(Files.newInputStream(Build.module().resolve("plugin.xml")));
        Element category = only(plugin, "category");
        assertEquals("JIND", category.getAttribute("name"));
        String path = ("/".equals(category.getAttribute("path")) ? "" : category.getAttribute("path")) + "/"
                + category.getAttribute("level-id");
        assertPng16(Files.newInputStream(Build.module().resolve(category.getAttribute("icon"))), "category icon");

        NodeList nodes = plugin.getElementsByTagName("node");
        List<String> factories = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            assertEquals(path, n.getAttribute("category-path"));
            factories.add(n.getAttribute("factory-class"));
            if (!n.getAttribute("after").isEmpty()) {
                assertTrue("'after' names a node of ours", factories.contains(n.getAttribute("after")));
            }
        }
        assertEquals(List.copyOf(FACTORIES.keySet()), factories);

        Element port = only(plugin, "portType");
        Class<?> object = loadable(port.getAttribute("objectClass"));
        Class<?> spec = loadable(port.getAttribute("specClass"));
        assertTrue(Reflect.load("org/knime/core/node/port/AbstractPortObject").isAssignableFrom(object));
        assertTrue(Reflect.load("org/knime/core/node/port/AbstractSimplePortObjectSpec").isAssignableFrom(spec));
        assertEquals(object.getName() + "$Serializer", port.getAttribute("objectSerializer"));
        assertEquals(spec.getName() + "$Serializer", port.getAttribute("specSerializer"));
        for (String c : List.of(object.getName(), spec.getName(), port.getAttribute("objectSerializer"),
                port.getAttribute("specSerializer"))) {
            // KNIME creates these reflectively
            assertTrue(c + " public", Modifier.isPublic(loadable(c).getModifiers()));
            assertTrue(c + " has a public no-arg constructor",
                    Modifier.isPublic(loadable(c).getDeclaredConstructor().getModifiers()));
        }
    }

    @Test
    public void everyFactoryHasItsDescriptionAndIcon() throws Exception {
        Set<String> labels = new HashSet<>();
        for (Field f : NodeParameters.class.getFields()) {
            labels.add((String) f.get(null));
        }
        for (Field f : SingleCellRead.class.getFields()) { // the reader's labels live with its logic
            if (f.getType() == String.class) {
                labels.add((String) f.get(null));
            }
        }
        for (Map.Entry<String, Expected> e : FACTORIES.entrySet()) {
            Class<?> factory = loadable(e.getKey());
            assertTrue(Modifier.isPublic(factory.getDeclaredConstructor().getModifiers()));
            if (Reflect.load("org/knime/node/DefaultNodeFactory").isAssignableFrom(factory)
                    || Reflect.load("org/knime/core/webui/node/impl/WebUINodeFactory").isAssignableFrom(factory)
                    || Reflect.load("org/knime/core/webui/node/dialog/NodeDialogFactory").isAssignableFrom(factory)) {
                // KNIME's node API (or a classic factory with its modern dialog): the description is generated
                // from the parameters class (the real-KNIME kit's "nodes" scenario checks it); the icon lies
                // beside the factory, named after the node's package
                String icon = factory.getPackageName().substring(factory.getPackageName().lastIndexOf('.') + 1)
                        + ".png";
                URL png = factory.getResource(icon);
                assertNotNull(factory.getSimpleName() + " icon " + icon, png);
                assertPng16(png.openStream(), icon);
                assertNull(factory.getSimpleName() + " has no description XML beside it",
                        factory.getResource(factory.getSimpleName() + ".xml"));
                continue;
            }
            assertTrue(Reflect.load("org/knime/core/node/NodeFactory").isAssignableFrom(factory));
            String xmlName = factory.getSimpleName() + ".xml";
            URL xml = factory.getResource(xmlName);
            assertNotNull(xmlName + " beside " + factory.getName(), xml);
            Document d = parse(xml.openStream());
            Element root = d.getDocumentElement();
            assertEquals("knimeNode", root.getTagName());
            assertEquals("http://knime.org/node/v4.1", root.getNamespaceURI());
            String icon = root.getAttribute("icon");
            URL png = factory.getResource(icon.replaceFirst("^\\./", ""));
            assertNotNull(factory.getSimpleName() + " icon " + icon, png);
            assertPng16(png.openStream(), icon);
            for (String required : List.of("name", "shortDescription", "intro")) {
                assertTrue(xmlName + " needs " + required, text(d, required).length() > 5);
            }
            assertTrue(xmlName + " cites the paper", text(d, "intro").replaceAll("\\s+", " ").contains(CITATION));
            List<String> options = new ArrayList<>();
            NodeList o = d.getElementsByTagNameNS("*", "option");
            for (int i = 0; i < o.getLength(); i++) {
                Element opt = (Element) o.item(i);
                options.add(opt.getAttribute("name"));
                assertTrue(xmlName + ": option '" + opt.getAttribute("name") + "' is a dialog label of NodeParameters or SingleCellRead",
                        labels.contains(opt.getAttribute("name")));
                assertTrue(xmlName + ": option '" + opt.getAttribute("name") + "' described",
                        opt.getTextContent().strip().length() > 20);
            }
            assertEquals(xmlName + " documents every option", e.getValue().options(), options);
            assertPorts(d, "inPort", e.getValue().in(), xmlName);
            assertPorts(d, "outPort", e.getValue().out(), xmlName);
        }
    }

    @Test
    public void manifestAndBuildPropertiesAreOsgiReady() throws IOException {
        Manifest m;
        try (InputStream in = Files.newInputStream(Build.module().resolve("META-INF/MANIFEST.MF"))) {
            m = new Manifest(in);
        }
        var a = m.getMainAttributes();
        assertEquals("2", a.getValue("Bundle-ManifestVersion"));
        assertEquals("org.jind.knime;singleton:=true", a.getValue("Bundle-SymbolicName"));
        assertEquals("JavaSE-17", a.getValue("Bundle-RequiredExecutionEnvironment"));
        String require = a.getValue("Require-Bundle");
        for (String b : List.of("org.knime.core;bundle-version=\"[5.6.0,6.0.0)\"",
                "org.knime.core.ui;bundle-version=\"[5.6.0,6.0.0)\"", "org.knime.workbench.core",
                "org.knime.workbench.repository", "org.jind.core")) {
            assertTrue("Require-Bundle has " + b + ": " + require, require.contains(b));
        }
        String build = Files.readString(Build.module().resolve("build.properties"));
        for (String s : List.of("plugin.xml", "META-INF/", "icons/", "source.. = src/main/java/")) {
            assertTrue("build.properties has " + s, build.contains(s));
        }
        // the node icons (and the classic nodes' XMLs) are packaged with the classes (Maven copies them as resources)
        Path classes = Build.classes();
        assertTrue(Files.exists(classes.resolve("plugin.xml")));
        assertTrue(Files.exists(classes.resolve("org/jind/knime/nodes/train/train.png")));
    }

    private static void assertPorts(Document d, String tag, int count, String xmlName) {
        NodeList ports = d.getElementsByTagNameNS("*", tag);
        assertEquals(xmlName + " " + tag + "s", count, ports.getLength());
        for (int i = 0; i < count; i++) {
            Element p = (Element) ports.item(i);
            assertEquals(String.valueOf(i), p.getAttribute("index"));
            assertTrue(xmlName + " " + tag + " " + i + " described", p.getTextContent().strip().length() > 20);
        }
    }

    private static void assertPng16(InputStream in, String what) throws IOException {
        try (DataInputStream d = new DataInputStream(in)) {
            assertEquals(what + " is a PNG", 0x89504E47, d.readInt());
            d.readInt();
            d.readInt(); // IHDR length
            assertEquals("IHDR", new String(d.readNBytes(4)));
            assertEquals(what + " width", 16, d.readInt());
            assertEquals(what + " height", 16, d.readInt());
        }
    }

    private static Class<?> loadable(String name) {
        Class<?> c = Reflect.load(name.replace('.', '/'));
        assertNotNull(name + " exists", c);
        return c;
    }

    private static Element only(Document d, String tag) {
        NodeList l = d.getElementsByTagName(tag);
        assertEquals("one " + tag, 1, l.getLength());
        return (Element) l.item(0);
    }

    private static String text(Document d, String tag) {
        NodeList l = d.getElementsByTagNameNS("*", tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().strip();
    }

    private static Document parse(InputStream in) throws Exception {
        try (in) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(in);
        }
    }
}
