package org.jind.knime.workflows;

import static org.jind.knime.workflows.ExampleWorkflow.ALIGN;
import static org.jind.knime.workflows.ExampleWorkflow.ANNOTATE;
import static org.jind.knime.workflows.ExampleWorkflow.SCORER;
import static org.jind.knime.workflows.ExampleWorkflow.SELFTRAIN;
import static org.jind.knime.workflows.ExampleWorkflow.TRAIN;
import static org.jind.knime.workflows.SingleCellWorkflow.READER;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jind.core.data.Dataset;
import org.jind.core.data.DatasetInfo;
import org.jind.core.data.DatasetReader;
import org.jind.knime.logic.OutputColumn;
import org.jind.knime.logic.SingleCellRead;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The single-cell example workflow agrees with the code and its data: only our nodes, each node's settings exactly
 * what its code saves (defaults except {@link SingleCellWorkflow#SETTINGS}) and accepted by its checks, the readers'
 * options valid for the data file (checked with the reader's own logic on the file's metadata), the data file the
 * simulator's output, and the connections the documented pipeline.
 */
public class SingleCellWorkflowTest {

    private record WfNode(int id, String folder, KnimeConfig entry, KnimeConfig settings) {
        String factory() {
            return settings.getString("factory");
        }

        KnimeConfig model() {
            return settings.child("model");
        }
    }

    private record Edge(int from, int fromPort, int to, int toPort) {
    }

    @BeforeClass
    public static void rewriteWhenAsked() throws IOException {
        if (System.getProperty(ExampleWorkflowTest.WRITE_PROPERTY) != null) {
            SingleCellWorkflow.write();
        }
    }

    @Test
    public void theFolderHoldsTheWorkflowUnexecutedNodesAndTheDataFile() throws IOException {
        KnimeConfig wf = workflow();
        assertEquals("5.1.0", wf.getString("version"));
        assertTrue(wf.getString("created_by").matches("5\\.5\\.\\d+.*"));
        Set<String> expected = new TreeSet<>(Set.of("workflow.knime", "workflow-metadata.xml", "workflowset.meta",
                "data"));
        Map<Integer, WfNode> nodes = nodes();
        nodes.values().forEach(n -> expected.add(n.folder()));
        assertEquals("no .savedWithData, no stray files", expected, list(SingleCellWorkflow.dir()));
        assertEquals(Set.of(SingleCellWorkflow.DATA_FILE), list(SingleCellWorkflow.dir().resolve("data")));
        for (WfNode n : nodes.values()) {
            assertEquals(n.folder() + " holds only settings.xml", Set.of("settings.xml"),
                    list(SingleCellWorkflow.dir().resolve(n.folder())));
            KnimeConfig s = n.settings();
            assertTrue(Set.of("IDLE", "CONFIGURED").contains(s.getString("state")));
            assertFalse(s.getBoolean("hasContent"));
            assertEquals(ExampleWorkflow.folderName(s.getString("node-name"), n.id()), n.folder());
            assertEquals(ExampleWorkflow.nodeName(n.factory()), s.getString("node-name"));
            assertEquals(CodeModel.of(n.factory()).out().size(), s.child("ports").keys().size());
        }
    }

    @Test
    public void onlyOurNodesTheReaderTwiceEveryOtherOnce() throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        var manifest = ExampleWorkflow.manifest().getMainAttributes();
        for (WfNode n : nodes().values()) {
            assertTrue(n.factory() + ": nothing from other extensions", n.factory().startsWith("org.jind.knime."));
            assertEquals(manifest.getValue("Bundle-SymbolicName").split(";")[0].strip(),
                    n.settings().getString("node-bundle-symbolic-name"));
            counts.merge(n.factory(), 1, Integer::sum);
        }
        assertEquals(Map.of(READER, 2, TRAIN, 1, ALIGN, 1, SELFTRAIN, 1, ANNOTATE, 1, SCORER, 1), counts);
    }

    @Test
    public void settingsAreWhatTheCodeSavesDefaultsExceptTheListedOnesAndPassTheNodesChecks() throws IOException {
        for (WfNode n : nodes().values()) {
            CodeModel.Node code = CodeModel.of(n.factory());
            Map<String, Object> wanted = SingleCellWorkflow.SETTINGS.getOrDefault(n.id(), Map.of());
            Set<String> keys = new LinkedHashSet<>();
            Map<String, Object> values = new HashMap<>();
            for (CodeModel.Setting s : code.savedIn(n.model().keys())) {
                keys.add(s.key());
                if (s.modelId() != null) {
                    keys.add(s.key() + "_Internals");
                    assertEquals(s.modelId(), n.model().child(s.key() + "_Internals").getString("SettingsModelID"));
                }
                if (s.kind().equals("columnfilter")) {
                    assertEquals("every accepted column", List.of(), n.model().child(s.key())
                            .getStringArray("excluded_names"));
                    continue;
                }
                Object v = value(n.model(), s);
                assertEquals(n.folder() + " '" + s.key() + "' (rewrite with -D" + ExampleWorkflowTest.WRITE_PROPERTY
                        + " after a deliberate change)", wanted.getOrDefault(s.key(), s.defaultValue()), v);
                values.put(s.key(), v);
            }
            Set<String> saved = new TreeSet<>(n.model().keys());
            for (CodeModel.Setting s : code.savedIn(n.model().keys())) {
                if (s.modelId() == null) {
                    // a node of KNIME's node API loads the workflow saved by its classic version: the settings
                    // models' internals beside each value are left over, ignored on loading, dropped on saving
                    saved.remove(s.key() + "_Internals");
                }
            }
            assertEquals(n.folder(), new TreeSet<>(keys), saved);
            assertTrue(n.folder() + " overrides existing settings", keys.containsAll(wanted.keySet()));
            assertEquals(n.folder() + ": the settings classes' checks", List.of(), CodeModel.check(n.factory(),
                    values));
            Map<String, Object> resaved = CodeModel.resave(n.factory(), values);
            if (resaved != null) {
                // what the node saves (and its dialog, closed with OK, applies) is what the workflow holds, so
                // KNIME sees no change and keeps the node's results
                assertEquals(n.folder() + ": settings saved after loading the workflow's", code.savedAfterLoading(values),
                        resaved);
            }
        }
    }

    @Test
    public void theReadersOptionsFitTheDataFileAndFeedTrainAndScorer() throws IOException {
        String url = SingleCellWorkflow.FILE_URL;
        assertTrue(url, url.startsWith("knime://knime.workflow/data/"));
        Path file = SingleCellWorkflow.dir().resolve("data").resolve(url.substring(url.lastIndexOf('/') + 1));
        DatasetInfo info = DatasetReader.info(file);
        Map<Integer, WfNode> nodes = nodes();
        WfNode source = nodes.get(SingleCellWorkflow.SOURCE_READER);
        WfNode target = nodes.get(SingleCellWorkflow.TARGET_READER);
        for (WfNode r : List.of(source, target)) {
            assertEquals(url, r.model().getString("file"));
        }
        SingleCellRead.Plan sourcePlan = SingleCellRead.plan(info, options(source), false, null);
        List<String> sourceColumns = sourcePlan.columns().stream().map(OutputColumn::name).toList();
        assertEquals("annotations, then the 200 genes", 2 + 200, sourceColumns.size());
        String label = only(TRAIN).model().getString("label_column");
        String truth = only(SCORER).model().getString("true_label_column");
        for (String column : List.of(label, truth)) {
            int i = sourceColumns.indexOf(column);
            assertTrue(column + " is a column of the readers' output", i >= 0);
            assertEquals(OutputColumn.Kind.STRING, sourcePlan.columns().get(i).kind());
        }
        // the label column's domain lists the source batch's 4 cell types: Train JIND knows them at configure time
        assertEquals(4, SingleCellRead.annotationValues(info, options(source)).get(sourceColumns.indexOf(label))
                .size());
        // Train JIND keeps every gene here (200 < its default 5,000): the target reader finds all of them
        String[] modelGenes = info.geneNames(info.indexIdentifier());
        SingleCellRead.Plan targetPlan = SingleCellRead.plan(info, options(target), true, modelGenes);
        assertArrayEquals(modelGenes, targetPlan.geneNames());
        assertEquals(List.of(), targetPlan.warnings());
        assertEquals(SingleCellRead.GeneChoice.MODEL, options(target).genes());
        assertEquals(List.of("batch0"), options(source).batches());
        assertEquals(List.of("batch1"), options(target).batches());
    }

    @Test
    public void theDataFileIsTheSimulatorsOutput() {
        Path file = SingleCellWorkflow.dir().resolve("data").resolve(SingleCellWorkflow.DATA_FILE);
        Dataset read = DatasetReader.read(file, null, Set.of());
        Dataset expected = SingleCellWorkflow.data();
        assertEquals(600, read.cells());
        assertArrayEquals(expected.cellIds(), read.cellIds());
        assertArrayEquals(expected.genes(), read.genes());
        assertEquals(List.of("cell_type", "batch"), List.copyOf(read.obsColumns()));
        for (String key : read.obsColumns()) {
            assertArrayEquals(key, expected.obs(key), read.obs(key));
        }
        assertEquals(expected.matrix().nonZeros(), read.matrix().nonZeros());
        for (int r = 0; r < read.cells(); r++) {
            for (int k = read.matrix().rowStart(r); k < read.matrix().rowEnd(r); k++) {
                assertEquals(expected.matrix().colIndex(k), read.matrix().colIndex(k));
                assertEquals(expected.matrix().value(k), read.matrix().value(k), 0f);
            }
        }
        assertEquals(4, new TreeSet<>(List.of(read.obs("cell_type"))).size());
    }

    @Test
    public void connectionsFormThePipelineBetweenCompatiblePorts() throws IOException {
        Map<Integer, WfNode> nodes = nodes();
        Set<Edge> edges = new HashSet<>();
        Set<String> used = new HashSet<>();
        KnimeConfig connections = workflow().child("connections");
        for (String key : connections.keys()) {
            KnimeConfig c = connections.child(key);
            WfNode src = nodes.get(c.getInt("sourceID"));
            WfNode dst = nodes.get(c.getInt("destID"));
            assertNotNull(key, src);
            assertNotNull(key, dst);
            int sp = c.getInt("sourcePort");
            int dp = c.getInt("destPort");
            List<String> outs = CodeModel.of(src.factory()).out();
            List<String> ins = CodeModel.of(dst.factory()).in();
            assertEquals(key + ": compatible port types", outs.get(sp - 1), ins.get(dp - 1));
            assertTrue(key + ": one connection per input port", used.add(dst.id() + ":" + dp));
            edges.add(new Edge(src.id(), sp, dst.id(), dp));
        }
        Set<Edge> expected = SingleCellWorkflow.CONNECTIONS.stream()
                .map(c -> new Edge(c.source(), c.sourcePort(), c.dest(), c.destPort())).collect(Collectors.toSet());
        assertEquals(expected, edges);
        assertEquals("the reader's input is the (optional) model port", List.of(CodeModel.MODEL),
                CodeModel.of(READER).in());
        for (WfNode n : nodes.values()) {
            boolean optionalOpen = n.id() == SingleCellWorkflow.SOURCE_READER;
            for (int p = 1; p <= CodeModel.of(n.factory()).in().size(); p++) {
                assertEquals(n.folder() + " input " + p, !optionalOpen, used.contains(n.id() + ":" + p));
            }
        }
    }

    @Test
    public void theDescriptionsAndTheReadmeExplainEveryNodeAndTheData() throws IOException {
        String canvas = workflow().child("annotations").child("annotation_0").getString("text");
        String meta = Files.readString(SingleCellWorkflow.dir().resolve("workflow-metadata.xml"));
        String readme = Files.readString(ExampleWorkflow.workflowsDir().resolve("README.md"));
        for (String factory : List.of(READER, TRAIN, ALIGN, SELFTRAIN, ANNOTATE, SCORER)) {
            String name = ExampleWorkflow.nodeName(factory);
            assertTrue("canvas: " + name, canvas.contains(name));
            assertTrue("metadata: " + name, meta.contains(name.replace("&", "&amp;")));
            assertTrue("README: " + name, readme.contains(name));
        }
        assertTrue(meta.contains(SingleCellWorkflow.SIMULATE_COMMAND));
        assertTrue(readme.contains(SingleCellWorkflow.SIMULATE_COMMAND));
        assertTrue(readme.contains(SingleCellWorkflow.NAME));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static SingleCellRead.Options options(WfNode reader) {
        KnimeConfig m = reader.model();
        return SingleCellRead.Options.of(m.getString("batch_column"), m.getString("batches"), m.getString("genes"),
                m.getInt("top_genes"), m.getString("gene_identifier"), m.getInt("cell_limit"));
    }

    private static KnimeConfig workflow() throws IOException {
        return KnimeConfig.parse(SingleCellWorkflow.dir().resolve("workflow.knime"));
    }

    private static Map<Integer, WfNode> nodes() throws IOException {
        Map<Integer, WfNode> out = new LinkedHashMap<>();
        KnimeConfig nodes = workflow().child("nodes");
        for (String key : nodes.keys()) {
            KnimeConfig e = nodes.child(key);
            int id = e.getInt("id");
            String file = e.getString("node_settings_file");
            String folder = file.substring(0, file.length() - "/settings.xml".length());
            Path settings = SingleCellWorkflow.dir().resolve(folder).resolve("settings.xml");
            assertNull("unique node id " + id, out.put(id, new WfNode(id, folder, e, KnimeConfig.parse(settings))));
        }
        return out;
    }

    private static WfNode only(String factory) throws IOException {
        List<WfNode> l = nodes().values().stream().filter(n -> n.factory().equals(factory)).toList();
        assertEquals(factory, 1, l.size());
        return l.get(0);
    }

    private static Object value(KnimeConfig model, CodeModel.Setting s) {
        return switch (s.kind()) {
            case "string" -> model.getString(s.key());
            case "boolean" -> model.getBoolean(s.key());
            case "int" -> model.getInt(s.key());
            case "double" -> model.getDouble(s.key());
            default -> throw new AssertionError("unknown settings kind " + s.kind());
        };
    }

    private static Set<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> names = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            names.removeAll(Set.of("workflow.svg", ".artifacts")); // KNIME adds these on save
            return names;
        }
    }
}
