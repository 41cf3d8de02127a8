package org.jind.knime.workflows;

import static org.jind.knime.workflows.ExampleWorkflow.ALIGN;
import static org.jind.knime.workflows.ExampleWorkflow.ANNOTATE;
import static org.jind.knime.workflows.ExampleWorkflow.CSV_READER;
import static org.jind.knime.workflows.ExampleWorkflow.SCORER;
import static org.jind.knime.workflows.ExampleWorkflow.SELFTRAIN;
import static org.jind.knime.workflows.ExampleWorkflow.SOURCE_FILE;
import static org.jind.knime.workflows.ExampleWorkflow.TARGET_FILE;
import static org.jind.knime.workflows.ExampleWorkflow.TRAIN;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

import javax.xml.parsers.DocumentBuilderFactory;

import org.jind.knime.logic.ColumnInfo;
import org.jind.knime.logic.ScorerColumns;
import org.jind.knime.logic.TrainingColumns;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The example workflow in workflows/ is a KNIME 5.5 workflow folder that agrees with the code: every file
 * parses, every node names an existing factory (ours: listed in plugin.xml), every JIND node's model settings
 * hold exactly the keys, types and ids its code saves (derived by running the nodes' code, see {@link CodeModel})
 * with values its own checks accept, the CSV Readers read the simulator's files relative to the workflow, and the
 * connections form the documented pipeline between compatible ports.
 *
 * <p>After a deliberate change of the nodes' settings, rewrite the workflow from the code and review the diff:
 * {@code mvn -o test -pl org.jind.knime -am -Dtest=ExampleWorkflowTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djind.workflows.write}
 */
public class ExampleWorkflowTest {
    static final String WRITE_PROPERTY = "jind.workflows.write";

    /** The only JIND options that are not the code's defaults: the label columns of the simulated data. */
    private static final Map<String, Map<String, Object>> NOT_DEFAULT = Map.of(
            TRAIN, Map.of("label_column", "cell_type"),
            SCORER, Map.of("true_label_column", "cell_type"));

    /** A port in the pipeline: a JIND node by factory, or the CSV Reader of a file. */
    private record Edge(String from, int fromPort, String to, int toPort) {
    }

    private static final String SOURCE_READER = "CSV Reader " + SOURCE_FILE;
    private static final String TARGET_READER = "CSV Reader " + TARGET_FILE;

    /** read source → Train JIND → Align Batch (target) → Self-train JIND+ → Annotate & Reject (target) → Scorer */
    private static final Set<Edge> PIPELINE = Set.of(
            new Edge(SOURCE_READER, 1, TRAIN, 1),
            new Edge(TRAIN, 1, ALIGN, 1),
            new Edge(TARGET_READER, 1, ALIGN, 2),
            new Edge(ALIGN, 1, SELFTRAIN, 1),
            new Edge(TARGET_READER, 1, SELFTRAIN, 2),
            new Edge(SELFTRAIN, 1, ANNOTATE, 1),
            new Edge(TARGET_READER, 1, ANNOTATE, 2),
            new Edge(ANNOTATE, 1, SCORER, 1));

    private static final Set<String> WORKFLOW_FILES = Set.of("workflow.knime", "workflow-metadata.xml",
            "workflowset.meta", "data");

    /** A node of workflow.knime with its settings.xml. */
    private record WfNode(int id, String folder, KnimeConfig entry, KnimeConfig settings) {
        String factory() {
            return settings.getString("factory");
        }

        KnimeConfig model() {
            return settings.child("model");
        }

        /** JIND factory, or "CSV Reader <file>". */
        String role() {
            if (!factory().equals(CSV_READER)) {
                return factory();
            }
            return "CSV Reader " + model().child("settings").child("file_selection").child("path").getString("path");
        }
    }

    @BeforeClass
    public static void rewriteWhenAsked() throws IOException {
        if (System.getProperty(WRITE_PROPERTY) != null) {
            ExampleWorkflow.write(ExampleWorkflow.dir());
        }
    }

    // ---- files and headers ----------------------------------------------------------------------------------

    @Test
    public void workflowKnimeHasTheKnime55Headers() throws IOException {
        KnimeConfig wf = workflow();
        assertEquals("workflow.knime", wf.key);
        assertEquals("workflow format of KNIME 5.5-5.9 (LoadVersion V5100)", "5.1.0", wf.getString("version"));
        assertTrue("created_by a 5.5 release: " + wf.getString("created_by"),
                wf.getString("created_by").matches("5\\.5\\.\\d+.*"));
        assertKnimeVersion(wf.getString("created_by"));
        assertTrue(Set.of("IDLE", "CONFIGURED").contains(wf.getString("state")));
        for (String k : List.of("authorInformation", "workflow_credentials", "nodes", "connections")) {
            assertTrue("workflow.knime has " + k, wf.isConfig(k));
        }
        assertNull("a workflow, not a metanode template", wf.getString("name"));
    }

    @Test
    public void theWorkflowIsDescribedOnTheCanvasAndInItsMetadata() throws Exception {
        KnimeConfig annotations = workflow().child("annotations");
        assertEquals(1, annotations.keys().size());
        String canvas = annotations.child("annotation_0").getString("text");
        Document meta = xml(ExampleWorkflow.dir().resolve("workflow-metadata.xml"));
        Element root = meta.getDocumentElement();
        assertEquals("workflow-metadata", root.getLocalName());
        assertEquals("http://www.knime.org/core/node/workflow/metadata/v1.0", root.getNamespaceURI());
        assertEquals("text/plain", root.getAttribute("content-type"));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < root.getChildNodes().getLength(); i++) {
            if (root.getChildNodes().item(i) instanceof Element e) {
                order.add(e.getLocalName());
            }
        }
        // the schema's sequence: author?, created?, last-modified, description, tags?, links?
        assertEquals(List.of("author", "created", "last-modified", "description", "tags"), order);
        String description = root.getElementsByTagNameNS("*", "description").item(0).getTextContent();
        Document legacy = xml(ExampleWorkflow.dir().resolve("workflowset.meta"));
        assertEquals("KNIMEMetaInfo", legacy.getDocumentElement().getLocalName());
        String comments = legacy.getDocumentElement().getTextContent();
        for (String factory : List.of(CSV_READER, TRAIN, ALIGN, SELFTRAIN, ANNOTATE, SCORER)) {
            String name = ExampleWorkflow.nodeName(factory);
            assertTrue("the canvas annotation explains " + name, canvas.contains(name));
            assertTrue("the description explains " + name, description.contains(name));
            assertTrue("workflowset.meta explains " + name, comments.contains(name));
        }
        assertTrue("the description says how the data were made",
                description.contains(ExampleWorkflow.SIMULATE_COMMAND));
    }

    @Test
    public void theFolderHoldsTheWorkflowAndUnexecutedNodesOnly() throws IOException {
        Map<Integer, WfNode> nodes = nodes();
        Set<String> expected = new TreeSet<>(WORKFLOW_FILES);
        nodes.values().forEach(n -> expected.add(n.folder()));
        Set<String> actual;
        try (Stream<Path> s = Files.list(ExampleWorkflow.dir())) {
            actual = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        // KNIME adds a preview and its artifacts folder on every save: allowed, but nothing else
        actual.removeAll(Set.of("workflow.svg", ".artifacts"));
        assertEquals("no .savedWithData, no stray files", expected, actual);
        for (WfNode n : nodes.values()) {
            try (Stream<Path> s = Files.list(ExampleWorkflow.dir().resolve(n.folder()))) {
                assertEquals(n.folder() + " holds only settings.xml (no port data, no internals)",
                        List.of("settings.xml"), s.map(p -> p.getFileName().toString()).toList());
            }
            KnimeConfig s = n.settings();
            assertEquals("settings.xml", s.key);
            assertEquals("settings.xml", s.getString("node_file"));
            assertTrue(n.folder() + " not executed", Set.of("IDLE", "CONFIGURED").contains(s.getString("state")));
            assertFalse(s.getBoolean("hasContent"));
            assertFalse(s.getBoolean("isInactive"));
            assertEquals("CacheSmallInMemory", s.child("internal_node_subsettings").getString("memory_policy"));
            assertTrue(s.isConfig("flow_stack") && s.child("flow_stack").keys().isEmpty());
            assertTrue(s.isConfig("factory_settings"));
            assertNull(s.child("filestores").getString("file_store_location"));
            assertEquals(s.getString("node-name"), s.getString("name"));
            assertEquals("KNIME names a node's folder after the node", ExampleWorkflow.folderName(
                    s.getString("node-name"), n.id()), n.folder());
            assertEquals("NativeNode", n.entry().getString("node_type"));
            assertFalse(n.entry().getBoolean("node_is_meta"));
            assertEquals(4, n.entry().child("ui_settings").getIntArray("extrainfo.node.bounds").length);
            List<String> outPorts = outPorts(n);
            List<String> portKeys = new ArrayList<>();
            for (int p = 1; p <= outPorts.size(); p++) {
                portKeys.add("port_" + p);
                KnimeConfig port = s.child("ports").child("port_" + p);
                assertEquals(p, port.getInt("index"));
                assertNull("no saved port data", port.getString("port_dir_location"));
            }
            assertEquals(n.folder() + ": one 'ports' entry per output port", portKeys, s.child("ports").keys());
        }
    }

    // ---- factories ------------------------------------------------------------------------------------------

    @Test
    public void everyNodeNamesAnExistingFactory() throws Exception {
        Set<String> registered = pluginXmlFactories();
        Map<String, Integer> jindCounts = new HashMap<>();
        int readers = 0;
        var manifest = ExampleWorkflow.manifest().getMainAttributes();
        for (WfNode n : nodes().values()) {
            KnimeConfig s = n.settings();
            String factory = n.factory();
            if (factory.equals(CSV_READER)) {
                readers++;
                assertEquals("CSV Reader", s.getString("node-name"));
                assertEquals("org.knime.base", s.getString("node-bundle-symbolic-name"));
                assertEquals("KNIME Base Nodes", s.getString("node-bundle-name"));
                KnimeConfig creation = s.child("node_creation_config");
                assertEquals(List.of("File System Connection", "Data Table"), creation.keys());
                assertTrue("no file system connection port", creation.child("File System Connection").keys()
                        .isEmpty());
                continue;
            }
            assertTrue(factory + " is registered in plugin.xml", registered.contains(factory));
            jindCounts.merge(factory, 1, Integer::sum);
            Class<?> c = Class.forName(factory, false, getClass().getClassLoader());
            // (the stand-in's DefaultNodeFactory leaves out its NodeFactory supertype, which our code never names)
            assertTrue(factory + " is a NodeFactory", Class.forName("org.knime.core.node.NodeFactory", false,
                    getClass().getClassLoader()).isAssignableFrom(c) || Class.forName(
                    "org.knime.node.DefaultNodeFactory", false, getClass().getClassLoader()).isAssignableFrom(c));
            assertEquals("node-name is the factory description's name", ExampleWorkflow.nodeName(factory),
                    s.getString("node-name"));
            assertEquals(manifest.getValue("Bundle-SymbolicName").split(";")[0].strip(),
                    s.getString("node-bundle-symbolic-name"));
            assertEquals(manifest.getValue("Bundle-Name"), s.getString("node-bundle-name"));
            assertEquals(manifest.getValue("Bundle-Vendor"), s.getString("node-bundle-vendor"));
            assertEquals(manifest.getValue("Bundle-Version"), s.getString("node-bundle-version"));
            assertFalse("no dynamic ports on our nodes", s.has("node_creation_config"));
        }
        for (WfNode n : nodes().values()) {
            // KNIME parses both with org.knime.core.util.Version and refuses to load the node otherwise
            assertKnimeVersion(n.settings().getString("node-bundle-version"));
            assertKnimeVersion(n.settings().getString("node-feature-version"));
        }
        assertEquals("two CSV Readers (source and target batch)", 2, readers);
        Map<String, Integer> once = new HashMap<>();
        registered.forEach(f -> once.put(f, 1));
        once.remove(SingleCellWorkflow.READER); // here KNIME's CSV Readers read the data
        assertEquals("each of the five JIND analysis nodes once", once, jindCounts);
    }

    // ---- JIND settings --------------------------------------------------------------------------------------

    @Test
    public void jindModelSettingsHoldExactlyWhatTheCodeSaves() throws IOException {
        for (WfNode n : jindNodes()) {
            CodeModel.Node code = CodeModel.of(n.factory());
            KnimeConfig model = n.model();
            Set<String> expected = new LinkedHashSet<>();
            Set<String> saved = new TreeSet<>(model.keys());
            for (CodeModel.Setting s : code.savedIn(n.model().keys())) {
                if (s.modelId() != null) {
                    expected.add(s.key() + "_Internals");
                } else {
                    // a node of KNIME's node API loads the workflow saved by its classic version: the settings
                    // models' internals beside each value are left over, ignored on loading, dropped on saving
                    saved.remove(s.key() + "_Internals");
                }
                expected.add(s.key());
            }
            assertEquals(n.folder() + ": model keys are the keys of the node's settings models",
                    new TreeSet<>(expected), saved);
            for (CodeModel.Setting s : code.savedIn(n.model().keys())) {
                String where = n.folder() + " '" + s.key() + "'";
                if (s.modelId() != null) {
                    KnimeConfig internals = model.child(s.key() + "_Internals");
                    assertEquals(where + " internals", List.of("SettingsModelID", "EnabledStatus"), internals.keys());
                    assertEquals(where + " settings model id", s.modelId(), internals.getString("SettingsModelID"));
                    assertTrue(where + " enabled", internals.getBoolean("EnabledStatus"));
                }
                Object value = value(model, s);
                if (s.min() != null) {
                    double v = ((Number) value).doubleValue();
                    assertTrue(where + " = " + v + " within [" + s.min() + ", " + s.max() + "]",
                            v >= s.min().doubleValue() && v <= s.max().doubleValue());
                }
            }
        }
    }

    @Test
    public void jindSettingsAreTheDefaultsExceptTheLabelColumns() throws IOException {
        for (WfNode n : jindNodes()) {
            CodeModel.Node code = CodeModel.of(n.factory());
            Map<String, Object> wanted = NOT_DEFAULT.getOrDefault(n.factory(), Map.of());
            for (CodeModel.Setting s : code.savedIn(n.model().keys())) {
                Object expected = wanted.getOrDefault(s.key(), s.defaultValue());
                if (s.kind().equals("columnfilter")) {
                    assertIncludesEveryAcceptedColumn(n.folder(), n.model().child(s.key()));
                    continue;
                }
                assertEquals(n.folder() + " '" + s.key() + "' (a changed default? rewrite with -D" + WRITE_PROPERTY
                        + ")", expected, value(n.model(), s));
            }
            for (String key : wanted.keySet()) {
                code.setting(key); // the overridden options exist
            }
        }
    }

    @Test
    public void jindSettingsPassTheNodesOwnChecks() throws IOException {
        for (WfNode n : jindNodes()) {
            CodeModel.Node code = CodeModel.of(n.factory());
            Map<String, Object> values = new HashMap<>();
            for (CodeModel.Setting s : code.savedIn(n.model().keys())) {
                if (!s.kind().equals("columnfilter")) {
                    values.put(s.key(), value(n.model(), s));
                }
            }
            assertEquals(n.folder() + ": the settings classes' checks", List.of(), CodeModel.check(n.factory(),
                    values));
            Map<String, Object> resaved = CodeModel.resave(n.factory(), values);
            if (resaved != null) {
                // what the node saves (and its dialog, closed with OK, applies) is what the workflow holds
                assertEquals(n.folder() + ": settings saved after loading the workflow's", code.savedAfterLoading(values),
                        resaved);
            }
        }
        // and the checks are live: a wrong value is caught
        assertFalse(CodeModel.check(ANNOTATE, Map.of("theta", 1.0)).isEmpty());
        assertEquals(List.of(), CodeModel.check(ANNOTATE, Map.of("theta", Math.nextDown(1.0))));
        // Annotate & Reject's missing-value choice loads by the label the classic node saved, or a flow variable's
        assertEquals(List.of(), CodeModel.check(ANNOTATE, Map.of("missing_values", "Treat as 0")));
        assertEquals(List.of(), CodeModel.check(ANNOTATE, Map.of("missing_values", "ZERO")));
        assertFalse(CodeModel.check(ANNOTATE, Map.of("missing_values", "sometimes")).isEmpty());
        assertFalse(CodeModel.check(ANNOTATE, Map.of("prediction_column", " ")).isEmpty());
        assertFalse(CodeModel.check(TRAIN, Map.of("missing_values", "sometimes")).isEmpty());
    }

    @Test
    public void theChosenColumnsExistInTheData() throws IOException {
        WfNode train = only(TRAIN);
        String label = train.model().getString("label_column");
        List<String> sourceHeader = header(dataFile(SOURCE_FILE));
        List<ColumnInfo> source = columns(sourceHeader, dataFile(SOURCE_FILE));
        List<String> numeric = source.stream().filter(ColumnInfo::isNumeric).map(ColumnInfo::name).toList();
        // the default gene filter includes every column its type filter accepts: the numeric ones (KNIME reads the
        // integer counts as Number (integer), which is compatible with DoubleValue)
        assertEquals(List.of("org.knime.core.data.DoubleValue"), CodeModel.of(TRAIN).setting("gene_columns")
                .defaultValue());
        TrainingColumns tc = TrainingColumns.of(source, label, numeric.toArray(String[]::new));
        assertEquals("cell_type", tc.label());
        assertEquals("genes: all GENE columns", 200, tc.genes().length);
        assertTrue(List.of(tc.genes()).stream().allMatch(g -> g.startsWith("GENE")));

        KnimeConfig annotate = only(ANNOTATE).model();
        KnimeConfig scorer = only(SCORER).model();
        assertEquals("the scorer reads the annotator's prediction column", annotate.getString("prediction_column"),
                scorer.getString("prediction_column"));
        assertEquals("the scorer reads the annotator's raw prediction column",
                annotate.getString("raw_prediction_column"), scorer.getString("raw_prediction_column"));
        List<ColumnInfo> annotated = new ArrayList<>(columns(header(dataFile(TARGET_FILE)),
                dataFile(TARGET_FILE)));
        annotated.add(ColumnInfo.string(annotate.getString("raw_prediction_column")));
        annotated.add(ColumnInfo.string(annotate.getString("prediction_column")));
        annotated.add(ColumnInfo.numeric(annotate.getString("confidence_column")));
        int[] idx = ScorerColumns.resolve(annotated, scorer.getString("true_label_column"),
                scorer.getString("prediction_column"), scorer.getString("raw_prediction_column"));
        assertEquals("cell_type", annotated.get(idx[0]).name());
    }

    // ---- CSV Readers and data -------------------------------------------------------------------------------

    @Test
    public void csvReadersReadTheSimulatedFilesFromTheWorkflowDataArea() throws IOException {
        Set<String> files = new HashSet<>();
        for (WfNode n : nodes().values()) {
            if (!n.factory().equals(CSV_READER)) {
                continue;
            }
            KnimeConfig model = n.model();
            assertEquals(List.of("settings", "advanced_settings", "limit_rows", "encoding"), model.keys());
            KnimeConfig settings = model.child("settings");
            // keys CSVMultiTableReadConfigSerializer.loadInModel (5.5) requires
            for (String k : List.of("support_short_data_rows", "has_column_header", "has_row_id",
                    "skip_empty_data_rows")) {
                settings.getBoolean(k);
            }
            settings.getInt("autodetect_buffer_size");
            for (String k : List.of("column_delimiter", "row_delimiter", "quote_char", "quote_escape_char",
                    "comment_char")) {
                assertNotNull(k, settings.getString(k));
            }
            assertTrue("header row", settings.getBoolean("has_column_header"));
            assertTrue("first column (cell_id) is the RowID", settings.getBoolean("has_row_id"));
            assertEquals(",", settings.getString("column_delimiter"));
            assertEquals("\n", settings.getString("row_delimiter"));
            KnimeConfig advanced = model.child("advanced_settings");
            for (String k : List.of("fail_on_differing_specs", "limit_data_rows_scanned",
                    "replace_empty_quotes_with_missing", "limit_memory_per_column")) {
                advanced.getBoolean(k);
            }
            advanced.getLong("max_data_rows_scanned");
            advanced.getInt("maximum_number_of_columns");
            assertEquals("REMOVE_QUOTES_AND_TRIM", advanced.getString("quote_option"));
            assertTrue("enough columns for the genes", advanced.getInt("maximum_number_of_columns") >= 203);
            assertFalse("no stored table spec: the columns are read from the file",
                    advanced.getBoolean("save_table_spec_config_Internals"));
            KnimeConfig limit = model.child("limit_rows");
            assertFalse(limit.getBoolean("skip_lines"));
            assertFalse(limit.getBoolean("skip_data_rows"));
            assertFalse("every cell is read", limit.getBoolean("limit_data_rows"));
            limit.getLong("number_of_lines_to_skip");
            limit.getLong("number_of_rows_to_skip");
            limit.getLong("max_rows");
            assertEquals("UTF-8", model.child("encoding").getString("charset"));

            KnimeConfig selection = settings.child("file_selection");
            assertEquals("SMID_ReaderFileChooser", settings.child("file_selection_Internals")
                    .getString("SettingsModelID"));
            KnimeConfig chooser = selection.child("file_system_chooser__Internals");
            assertFalse(chooser.getBoolean("has_fs_port"));
            assertFalse(chooser.getBoolean("overwritten_by_variable"));
            assertEquals("RELATIVE", chooser.getString("convenience_fs_category"));
            assertEquals("knime.workflow.data", chooser.getString("relative_to"));
            for (String k : List.of("mountpoint", "spaceId", "spaceName")) {
                assertNotNull(k, chooser.getString(k));
            }
            chooser.getInt("custom_url_timeout");
            chooser.getBoolean("connected_fs");
            KnimeConfig path = selection.child("path");
            assertTrue(path.getBoolean("location_present"));
            assertEquals("Relative to: current workflow data area", "RELATIVE", path.getString("file_system_type"));
            assertEquals("knime.workflow.data", path.getString("file_system_specifier"));
            String file = path.getString("path");
            assertTrue(file + " is a plain file name in <workflow>/data", file.matches("[\\w.-]+\\.csv"));
            Path data = dataFile(file);
            assertTrue(data + " exists", Files.isRegularFile(data));
            files.add(file);
            KnimeConfig filter = selection.child("filter_mode");
            assertEquals("FILE", filter.getString("filter_mode"));
            filter.getBoolean("include_subfolders");
            assertEquals("SMID_FilterMode", selection.child("filter_mode_Internals").getString("SettingsModelID"));
            assertEquals(15, filter.child("filter_options").keys().size());
        }
        assertEquals(Set.of(SOURCE_FILE, TARGET_FILE), files);
    }

    @Test
    public void theDataFilesAreTheSimulatorsOutput() throws IOException {
        List<String> expected = new ArrayList<>();
        expected.add("cell_id");
        for (int g = 0; g < 200; g++) {
            expected.add(String.format("GENE%05d", g));
        }
        expected.add("cell_type");
        expected.add("batch");
        for (String[] f : new String[][] {{SOURCE_FILE, "batch0"}, {TARGET_FILE, "batch1"}}) {
            Path file = dataFile(f[0]);
            assertEquals(f[0] + " header", expected, header(file));
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertEquals(f[0] + ": 300 cells", 301, lines.size());
            Set<String> types = new TreeSet<>();
            Set<String> ids = new HashSet<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] v = line.split(",", -1);
                assertEquals(expected.size(), v.length);
                assertTrue("unique cell ids (RowIDs)", ids.add(v[0]));
                types.add(v[v.length - 2]);
                assertEquals(f[1], v[v.length - 1]);
            }
            assertEquals(f[0] + ": 4 cell types", 4, types.size());
        }
    }

    // ---- connections ----------------------------------------------------------------------------------------

    @Test
    public void connectionsFormThePipelineBetweenCompatiblePorts() throws IOException {
        Map<Integer, WfNode> nodes = nodes();
        Set<Edge> edges = new HashSet<>();
        Set<String> usedInPorts = new HashSet<>();
        KnimeConfig connections = workflow().child("connections");
        for (String key : connections.keys()) {
            KnimeConfig c = connections.child(key);
            WfNode src = nodes.get(c.getInt("sourceID"));
            WfNode dst = nodes.get(c.getInt("destID"));
            assertNotNull(key + ": source node exists", src);
            assertNotNull(key + ": destination node exists", dst);
            int sp = c.getInt("sourcePort");
            int dp = c.getInt("destPort");
            List<String> outs = outPorts(src);
            List<String> ins = inPorts(dst);
            // port 0 is the flow variable port; this workflow connects data and model ports only
            assertTrue(key + ": source port " + sp + " of " + outs.size(), sp >= 1 && sp <= outs.size());
            assertTrue(key + ": destination port " + dp + " of " + ins.size(), dp >= 1 && dp <= ins.size());
            assertEquals(key + ": compatible port types", outs.get(sp - 1), ins.get(dp - 1));
            assertTrue(key + ": one connection per input port", usedInPorts.add(dst.id() + ":" + dp));
            edges.add(new Edge(src.role(), sp, dst.role(), dp));
        }
        assertEquals(PIPELINE, edges);
        for (WfNode n : jindNodes()) {
            for (int p = 1; p <= inPorts(n).size(); p++) {
                assertTrue(n.folder() + " input " + p + " connected", usedInPorts.contains(n.id() + ":" + p));
            }
        }
    }

    @Test
    public void theReadmeSaysHowToRegenerateTheDataAndRunHeadless() throws IOException {
        String readme = Files.readString(ExampleWorkflow.workflowsDir().resolve("README.md"));
        for (String s : List.of(ExampleWorkflow.SIMULATE_COMMAND, "org.knime.product.KNIME_BATCH_APPLICATION",
                "-workflowDir=", "-reset", ExampleWorkflow.NAME)) {
            assertTrue("workflows/README.md mentions " + s, readme.contains(s));
        }
        for (String factory : List.of(TRAIN, ALIGN, SELFTRAIN, ANNOTATE, SCORER)) {
            assertTrue("README names " + factory, readme.contains(ExampleWorkflow.nodeName(factory)));
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static KnimeConfig workflow() throws IOException {
        return KnimeConfig.parse(ExampleWorkflow.dir().resolve("workflow.knime"));
    }

    private static Map<Integer, WfNode> nodes() throws IOException {
        Map<Integer, WfNode> out = new LinkedHashMap<>();
        KnimeConfig nodes = workflow().child("nodes");
        for (String key : nodes.keys()) {
            KnimeConfig e = nodes.child(key);
            int id = e.getInt("id");
            assertEquals("node_" + id, key);
            String file = e.getString("node_settings_file");
            assertTrue(file, file.endsWith("/settings.xml"));
            String folder = file.substring(0, file.length() - "/settings.xml".length());
            assertFalse(folder.contains("/"));
            Path settings = ExampleWorkflow.dir().resolve(folder).resolve("settings.xml");
            assertTrue(settings + " exists", Files.isRegularFile(settings));
            assertNull("unique node id " + id, out.put(id, new WfNode(id, folder, e, KnimeConfig.parse(settings))));
        }
        return out;
    }

    private static List<WfNode> jindNodes() throws IOException {
        return nodes().values().stream().filter(n -> !n.factory().equals(CSV_READER)).toList();
    }

    private static WfNode only(String factory) throws IOException {
        List<WfNode> l = nodes().values().stream().filter(n -> n.factory().equals(factory)).toList();
        assertEquals(factory, 1, l.size());
        return l.get(0);
    }

    private static List<String> outPorts(WfNode n) {
        return n.factory().equals(CSV_READER) ? List.of(CodeModel.TABLE) : CodeModel.of(n.factory()).out();
    }

    private static List<String> inPorts(WfNode n) {
        return n.factory().equals(CSV_READER) ? List.of() : CodeModel.of(n.factory()).in();
    }

    /** The value as the settings model's kind stores it (type-checked). */
    private static Object value(KnimeConfig model, CodeModel.Setting s) {
        return switch (s.kind()) {
            case "string" -> model.getString(s.key());
            case "boolean" -> model.getBoolean(s.key());
            case "int" -> model.getInt(s.key());
            case "double" -> model.getDouble(s.key());
            case "columnfilter" -> model.child(s.key());
            default -> throw new AssertionError("unknown settings kind " + s.kind());
        };
    }

    /**
     * SettingsModelColumnFilter2 in its default state, as DataColumnSpecFilterConfiguration loads it: the standard
     * filter with nothing listed and "enforce exclusion", so every column the type filter accepts is included.
     */
    private static void assertIncludesEveryAcceptedColumn(String where, KnimeConfig filter) {
        assertEquals(where + " filter type", "STANDARD", filter.getString("filter-type"));
        assertEquals(where + " new columns are included", "EnforceExclusion", filter.getString("enforce_option"));
        assertEquals(where + " nothing excluded", List.of(), filter.getStringArray("excluded_names"));
        assertEquals(where, List.of(), filter.getStringArray("included_names"));
        KnimeConfig pattern = filter.child("name_pattern");
        assertEquals("", pattern.getString("pattern"));
        assertEquals("Wildcard", pattern.getString("type"));
        pattern.getBoolean("caseSensitive");
        assertTrue(filter.child("datatype").isConfig("typelist"));
    }

    /** What org.knime.core.util.Version accepts: int major[.int minor[.digits revision[qualifier]]][.more]. */
    private static void assertKnimeVersion(String v) {
        assertTrue("a version KNIME can parse: " + v, v.matches("\\d+(\\.\\d+(\\.\\d+[^.]*(\\..*)?)?)?"));
    }

    private static Path dataFile(String name) {
        return ExampleWorkflow.dir().resolve("data").resolve(name);
    }

    private static List<String> header(Path csv) throws IOException {
        try (var r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return List.of(r.readLine().split(",", -1));
        }
    }

    /** The columns KNIME's CSV Reader makes (first column = RowID): numeric where the first row is a number. */
    private static List<ColumnInfo> columns(List<String> header, Path csv) throws IOException {
        String[] first;
        try (var r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            r.readLine();
            first = r.readLine().split(",", -1);
        }
        List<ColumnInfo> out = new ArrayList<>();
        for (int i = 1; i < header.size(); i++) {
            boolean number = first[i].matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
            out.add(number ? ColumnInfo.numeric(header.get(i)) : ColumnInfo.string(header.get(i)));
        }
        return out;
    }

    private static Set<String> pluginXmlFactories() throws Exception {
        Document plugin = xml(ExampleWorkflow.module().resolve("plugin.xml"));
        NodeList nodes = plugin.getElementsByTagName("node");
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute("factory-class"));
        }
        if (out.isEmpty()) {
            fail("plugin.xml registers no nodes");
        }
        return out;
    }

    private static Document xml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
