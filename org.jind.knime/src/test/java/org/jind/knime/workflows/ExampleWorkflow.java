package org.jind.knime.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The example workflow "JIND annotation example" and the writer of its files (workflow.knime, one settings.xml
 * per node, workflow-metadata.xml, workflowset.meta), in the layout KNIME 5.5 saves: nodes not executed, so no
 * data or internals. The JIND nodes' model settings are the settings their code saves, with the code's defaults,
 * except the {@link #OVERRIDES}. {@link ExampleWorkflowTest} checks the files; it rewrites them first when run
 * with {@code -Djind.workflows.write}.
 */
final class ExampleWorkflow {
    static final String NAME = "JIND annotation example";
    static final String SOURCE_FILE = "cells_batch0.csv";
    static final String TARGET_FILE = "cells_batch1.csv";
    static final String SIMULATE_COMMAND = "./jind simulate --out \"workflows/" + NAME + "/data/cells.csv\""
            + " --per-batch --cells 300 --genes 200 --types 4 --batch-effect 0.8 --seed 1";

    static final String CSV_READER = "org.knime.base.node.io.filehandling.csv.reader.CSVTableReaderNodeFactory";
    static final String TRAIN = "org.jind.knime.nodes.train.TrainJindNodeFactory";
    static final String ALIGN = "org.jind.knime.nodes.align.AlignBatchNodeFactory";
    static final String SELFTRAIN = "org.jind.knime.nodes.selftrain.SelfTrainJindPlusNodeFactory";
    static final String ANNOTATE = "org.jind.knime.nodes.annotate.AnnotateRejectNodeFactory";
    static final String SCORER = "org.jind.knime.nodes.scorer.JindScorerNodeFactory";

    /** The only JIND options that differ from the code's defaults. */
    static final Map<String, Map<String, Object>> OVERRIDES = Map.of(
            TRAIN, Map.of("label_column", "cell_type"),
            SCORER, Map.of("true_label_column", "cell_type"));

    /** KNIME 5.5 writes these headers; "5.1.0" is the newest workflow format (LoadVersion V5100) of 5.5–5.9. */
    static final String CREATED_BY = "5.5.0";
    static final String FORMAT_VERSION = "5.1.0";
    private static final String AUTHOR = "JIND for KNIME";
    private static final String WHEN = "2025-11-24 12:00:00 +0000";
    private static final String WHEN_ISO = "2025-11-24T12:00:00.000+00:00";

    /** A node on the canvas; {@code file} is the CSV a reader reads. */
    record NodeDef(int id, String factory, String file, int x, int y, String label) {
    }

    record Connection(int source, int sourcePort, int dest, int destPort) {
    }

    static final List<NodeDef> NODES = List.of(
            new NodeDef(1, CSV_READER, SOURCE_FILE, 80, 260, "Source batch (labelled)\n" + SOURCE_FILE),
            new NodeDef(2, CSV_READER, TARGET_FILE, 80, 440, "Target batch\n" + TARGET_FILE),
            new NodeDef(3, TRAIN, null, 280, 260, "Train on the source"),
            new NodeDef(4, ALIGN, null, 480, 350, "Align the target\nto the model"),
            new NodeDef(5, SELFTRAIN, null, 680, 350, "Refine on the\ntarget (JIND+)"),
            new NodeDef(6, ANNOTATE, null, 880, 350, "Annotate the target,\nreject unsure cells"),
            new NodeDef(7, SCORER, null, 1080, 350, "Compare with the\nknown cell types"));

    /** Port 0 is the flow variable port; data and model ports count from 1. */
    static final List<Connection> CONNECTIONS = List.of(
            new Connection(1, 1, 3, 1), // source table -> Train JIND
            new Connection(3, 1, 4, 1), // model -> Align Batch
            new Connection(2, 1, 4, 2), // target table -> Align Batch
            new Connection(4, 1, 5, 1), // aligned model -> Self-train JIND+
            new Connection(2, 1, 5, 2), // target table -> Self-train JIND+
            new Connection(5, 1, 6, 1), // JIND+ model -> Annotate & Reject
            new Connection(2, 1, 6, 2), // target table -> Annotate & Reject
            new Connection(6, 1, 7, 1)); // annotated table -> JIND Scorer

    static final String DESCRIPTION = String.join("\n",
            "Annotates the cells of a new single-cell RNA-seq batch with JIND, using a model trained on another,"
                    + " labelled batch. Cells the model is unsure about are rejected as \"Unassigned\".",
            "",
            "1. CSV Reader (#1) reads the labelled source batch, data/" + SOURCE_FILE + ". Its first column"
                    + " (cell_id) becomes the RowID.",
            "2. Train JIND (#3) trains the classifier: label column cell_type, genes = all numeric columns (the 200"
                    + " GENE columns). Its second output holds per-type validation statistics.",
            "3. CSV Reader (#2) reads the target batch, data/" + TARGET_FILE + ", which carries a simulated batch"
                    + " effect. The JIND nodes ignore its cell_type column; only the scorer reads it.",
            "4. Align Batch (#4) aligns the target batch to the model: it trains a generator that removes the batch"
                    + " effect in the model's latent space. Its second output is the per-epoch history.",
            "5. Self-train JIND+ (#5) refines the aligned model on its most confident target predictions.",
            "6. Annotate & Reject (#6) appends to every target cell the raw prediction, the prediction (or"
                    + " Unassigned below the type's threshold, outlier fraction 0.05), the confidence and one"
                    + " probability per cell type.",
            "7. JIND Scorer (#7) compares the predictions with the known cell types: raw and effective accuracy,"
                    + " rejected fraction, F1 scores, and a confusion matrix with an Unassigned column.",
            "",
            "All JIND options are at their defaults except the label columns (Train JIND: cell_type; JIND Scorer:"
                    + " cell_type). Run it with Execute All; the JIND nodes configure once the readers have run.",
            "The data are simulated; to write them again, run in the JIND project folder:",
            SIMULATE_COMMAND,
            "Needs KNIME Analytics Platform 5.5 or later with the JIND extension installed.");

    static final List<String> TAGS = List.of("JIND", "single-cell", "cell type annotation", "batch effect",
            "rejection");

    /**
     * What differs between example workflows; the rest of their files is written alike.
     *
     * @param settings a node's model settings: the JIND node settings that are not the code's defaults
     */
    record Definition(List<NodeDef> nodes, List<Connection> connections,
            java.util.function.Function<NodeDef, Map<String, Object>> settings, String canvasText,
            String description, List<String> tags) {
    }

    /** This workflow: CSV Readers feeding the JIND nodes. */
    static Definition definition() {
        return new Definition(NODES, CONNECTIONS, n -> OVERRIDES.getOrDefault(n.factory(), Map.of()), canvasText(),
                DESCRIPTION, TAGS);
    }

    private ExampleWorkflow() {
    }

    /** org.jind.knime's directory (surefire sets "basedir"). */
    static Path module() {
        return Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
    }

    static Path workflowsDir() {
        return module().getParent().resolve("workflows");
    }

    static Path dir() {
        return workflowsDir().resolve(NAME);
    }

    /** KNIME's folder name for a node: FileUtil.getValidFileName(name) (non [A-Za-z0-9 ] become '_') + " (#id)". */
    static String folderName(String nodeName, int id) {
        return nodeName.replaceAll("[^a-zA-Z0-9 ]", "_") + " (#" + id + ")";
    }

    /**
     * The node's name: the name a node of KNIME's node API gives itself, the factory description's name for our
     * classic nodes, "CSV Reader" for KNIME's reader.
     */
    static String nodeName(String factory) throws IOException {
        if (factory.equals(CSV_READER)) {
            return "CSV Reader";
        }
        String modern = CodeModel.nodeName(factory);
        if (modern != null) {
            return modern;
        }
        String xml = resource(factory.replace('.', '/') + ".xml");
        Matcher m = Pattern.compile("<name>([^<]*)</name>").matcher(xml);
        if (!m.find()) {
            throw new IOException("no <name> in the description of " + factory);
        }
        return m.group(1).replace("&amp;", "&").strip();
    }

    static String resource(String path) throws IOException {
        try (InputStream in = ExampleWorkflow.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("not on the class path: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Manifest manifest() throws IOException {
        try (InputStream in = Files.newInputStream(module().resolve("META-INF/MANIFEST.MF"))) {
            return new Manifest(in);
        }
    }

    // ---- writing --------------------------------------------------------------------------------------------

    static void write(Path dir) throws IOException {
        write(dir, definition());
    }

    static void write(Path dir, Definition def) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches(".* \\(#\\d+\\)")
                    && Files.exists(p.resolve("settings.xml"))).toList()) {
                deleteTree(p);
            }
        }
        KnimeConfig workflow = new KnimeConfig("workflow.knime");
        workflow.string("created_by", CREATED_BY);
        workflow.bool("created_by_nightly", false);
        workflow.string("version", FORMAT_VERSION);
        workflow.string("name", null);
        KnimeConfig author = workflow.config("authorInformation");
        author.string("authored-by", AUTHOR).string("authored-when", WHEN).string("lastEdited-by", AUTHOR)
                .string("lastEdited-when", WHEN);
        workflow.string("customDescription", null);
        workflow.string("state", "IDLE");
        workflow.config("workflow_credentials");
        annotation(workflow.config("annotations").config("annotation_0"), def.canvasText(), "LEFT", 40, 10, 1180, 200,
                10, 10, 13421772);
        KnimeConfig nodes = workflow.config("nodes");
        for (NodeDef n : def.nodes()) {
            String name = nodeName(n.factory());
            String folder = folderName(name, n.id());
            KnimeConfig node = nodes.config("node_" + n.id());
            node.integer("id", n.id());
            node.string("node_settings_file", folder + "/settings.xml");
            node.bool("node_is_meta", false);
            node.string("node_type", "NativeNode");
            node.string("ui_classname", "org.knime.core.node.workflow.NodeUIInformation");
            node.config("ui_settings").intArray("extrainfo.node.bounds", n.x(), n.y(), -1, -1);
            nodeSettings(n, name, def.settings().apply(n)).write(dir.resolve(folder).resolve("settings.xml"));
        }
        KnimeConfig connections = workflow.config("connections");
        for (int i = 0; i < def.connections().size(); i++) {
            Connection c = def.connections().get(i);
            connections.config("connection_" + i).integer("sourceID", c.source()).integer("destID", c.dest())
                    .integer("sourcePort", c.sourcePort()).integer("destPort", c.destPort());
        }
        workflow.write(dir.resolve("workflow.knime"));
        Files.writeString(dir.resolve("workflow-metadata.xml"), metadataXml(def.description(), def.tags()),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("workflowset.meta"), workflowSetMeta(def.description(), def.tags()),
                StandardCharsets.UTF_8);
    }

    private static KnimeConfig nodeSettings(NodeDef n, String name, Map<String, Object> overrides)
            throws IOException {
        boolean ours = !n.factory().equals(CSV_READER);
        KnimeConfig s = new KnimeConfig("settings.xml");
        s.string("node_file", "settings.xml");
        s.config("flow_stack");
        s.config("internal_node_subsettings").string("memory_policy", "CacheSmallInMemory");
        CodeModel.Node code = ours ? CodeModel.of(n.factory()) : null;
        s.add(ours ? jindModel(code, overrides) : csvReaderModel(n.file()));
        int lines = (int) n.label().chars().filter(c -> c == '\n').count() + 1;
        annotation(s.config("nodeAnnotation"), n.label(), "CENTER", n.x() - 45, n.y() + 58, 140, 16 * lines, 0,
                0, 16777215);
        s.string("customDescription", null);
        s.string("state", "IDLE");
        s.string("factory", n.factory());
        s.string("node-name", name);
        if (ours) {
            var a = manifest().getMainAttributes();
            s.string("node-bundle-name", a.getValue("Bundle-Name"));
            s.string("node-bundle-symbolic-name", a.getValue("Bundle-SymbolicName").split(";")[0].strip());
            s.string("node-bundle-vendor", a.getValue("Bundle-Vendor"));
            s.string("node-bundle-version", a.getValue("Bundle-Version"));
            // like KNIME when it cannot tell the feature: only used for "install missing extension" hints
            s.string("node-feature-name", null);
            s.string("node-feature-symbolic-name", null);
            s.string("node-feature-vendor", null);
            s.string("node-feature-version", "0.0.0");
        } else {
            s.string("node-bundle-name", "KNIME Base Nodes");
            s.string("node-bundle-symbolic-name", "org.knime.base");
            s.string("node-bundle-vendor", "KNIME AG, Zurich, Switzerland");
            s.string("node-bundle-version", CREATED_BY);
            s.string("node-feature-name", "KNIME Base nodes");
            s.string("node-feature-symbolic-name", "org.knime.features.base.feature.group");
            s.string("node-feature-vendor", "KNIME AG, Zurich, Switzerland");
            s.string("node-feature-version", CREATED_BY);
        }
        s.config("factory_settings");
        if (!ours) {
            // the CSV Reader's dynamic port groups: no file system connection port, the fixed table output
            KnimeConfig creation = s.config("node_creation_config");
            creation.config("File System Connection");
            creation.config("Data Table");
        }
        s.string("name", name);
        s.bool("hasContent", false);
        s.bool("isInactive", false);
        KnimeConfig ports = s.config("ports");
        int outPorts = ours ? code.out().size() : 1;
        for (int p = 1; p <= outPorts; p++) {
            ports.config("port_" + p).integer("index", p).string("port_dir_location", null);
        }
        s.config("filestores").string("file_store_location", null).string("file_store_id", null);
        return s;
    }

    /** What the node model's settings models save: per model "key_Internals" (id, enabled) and the value. */
    static KnimeConfig jindModel(CodeModel.Node code, Map<String, Object> overrides) {
        KnimeConfig model = new KnimeConfig("model");
        for (CodeModel.Setting s : code.settings()) {
            if (s.modelId() != null) { // a settings model's; a node of KNIME's node API saves the value alone
                model.config(s.key() + "_Internals").string("SettingsModelID", s.modelId())
                        .bool("EnabledStatus", true);
            }
            Object v = overrides.getOrDefault(s.key(), s.defaultValue());
            switch (s.kind()) {
                case "string" -> model.string(s.key(), (String) v);
                case "boolean" -> model.bool(s.key(), (Boolean) v);
                case "int" -> model.integer(s.key(), (Integer) v);
                case "double" -> model.doubleValue(s.key(), (Double) v);
                case "columnfilter" -> model.add(defaultColumnFilter(s.key()));
                default -> throw new IllegalStateException("unknown settings kind " + s.kind());
            }
        }
        return model;
    }

    /**
     * SettingsModelColumnFilter2 as a new node saves it (DataColumnSpecFilterConfiguration.saveConfiguration):
     * nothing listed and "enforce exclusion", i.e. every column its type filter accepts is included.
     */
    static KnimeConfig defaultColumnFilter(String key) {
        KnimeConfig c = new KnimeConfig(key);
        c.string("filter-type", "STANDARD");
        c.stringArray("included_names", List.of());
        c.stringArray("excluded_names", List.of());
        c.string("enforce_option", "EnforceExclusion");
        c.config("name_pattern").string("pattern", "").string("type", "Wildcard").bool("caseSensitive", true)
                .bool("excludeMatching", false);
        c.config("datatype").config("typelist");
        return c;
    }

    /**
     * KNIME's CSV Reader (CSVTableReaderNodeFactory) reading {@code <workflow>/data/<file>} through "Relative to:
     * Current workflow data area"; first column as RowID, header row, comma, UTF-8; no stored table spec
     * ("support changing file schemas"), so the spec is read from the file when the node runs.
     */
    static KnimeConfig csvReaderModel(String file) {
        KnimeConfig model = new KnimeConfig("model");
        KnimeConfig settings = model.config("settings");
        settings.bool("has_column_header", true);
        settings.bool("has_row_id", true);
        settings.bool("support_short_data_rows", false);
        settings.bool("skip_empty_data_rows", false);
        settings.bool("prepend_file_idx_to_row_id", false);
        settings.string("comment_char", "#");
        settings.string("column_delimiter", ",");
        settings.string("quote_char", "\"");
        settings.string("quote_escape_char", "\"");
        settings.bool("use_line_break_row_delimiter", true);
        settings.string("row_delimiter", "\n");
        settings.integer("autodetect_buffer_size", 1048576);
        settings.config("file_selection_Internals").string("SettingsModelID", "SMID_ReaderFileChooser")
                .bool("EnabledStatus", true);
        KnimeConfig selection = settings.config("file_selection");
        selection.config("file_system_chooser__Internals")
                .bool("has_fs_port", false)
                .bool("overwritten_by_variable", false)
                .string("convenience_fs_category", "RELATIVE")
                .string("relative_to", "knime.workflow.data")
                .string("mountpoint", "LOCAL")
                .string("spaceId", "")
                .string("spaceName", "")
                .integer("custom_url_timeout", 1000)
                .bool("connected_fs", true);
        selection.config("path").bool("location_present", true).string("file_system_type", "RELATIVE")
                .string("file_system_specifier", "knime.workflow.data").string("path", file);
        selection.config("filter_mode_Internals").string("SettingsModelID", "SMID_FilterMode")
                .bool("EnabledStatus", true);
        KnimeConfig filterMode = selection.config("filter_mode");
        filterMode.string("filter_mode", "FILE").bool("include_subfolders", false);
        filterMode.config("filter_options")
                .bool("filter_files_extension", false)
                .string("files_extension_expression", "")
                .bool("files_extension_case_sensitive", false)
                .bool("filter_files_name", false)
                .string("files_name_expression", "*")
                .bool("files_name_case_sensitive", false)
                .string("files_name_filter_type", "WILDCARD")
                .bool("include_hidden_files", false)
                .bool("include_special_files", true)
                .bool("filter_folders_name", false)
                .string("folders_name_expression", "*")
                .bool("folders_name_case_sensitive", false)
                .string("folders_name_filter_type", "WILDCARD")
                .bool("include_hidden_folders", false)
                .bool("follow_links", true);
        model.config("advanced_settings")
                .bool("fail_on_differing_specs", true)
                .bool("append_path_column_Internals", false)
                .string("path_column_name_Internals", "Path")
                .bool("limit_data_rows_scanned", true)
                .longValue("max_data_rows_scanned", 10000)
                .bool("save_table_spec_config_Internals", false)
                .bool("check_table_spec", false)
                .bool("limit_memory_per_column", true)
                .integer("maximum_number_of_columns", 8192)
                .string("quote_option", "REMOVE_QUOTES_AND_TRIM")
                .bool("replace_empty_quotes_with_missing", true)
                .bool("no_row_delimiters_in_quotes", false)
                .string("thousands_separator", "\0")
                .string("decimal_separator", ".");
        model.config("limit_rows")
                .bool("skip_lines", false)
                .longValue("number_of_lines_to_skip", 1)
                .bool("skip_data_rows", false)
                .longValue("number_of_rows_to_skip", 1)
                .bool("limit_data_rows", false)
                .longValue("max_rows", 50);
        model.config("encoding").string("charset", "UTF-8");
        return model;
    }

    private static void annotation(KnimeConfig a, String text, String alignment, int x, int y, int width,
            int height, int borderSize, int defFontSize, int borderColor) {
        a.string("text", text);
        a.string("contentType", "text/plain");
        a.integer("bgcolor", 16777215);
        a.integer("x-coordinate", x);
        a.integer("y-coordinate", y);
        a.integer("width", width);
        a.integer("height", height);
        a.string("alignment", alignment);
        a.integer("borderSize", borderSize);
        a.integer("borderColor", borderColor);
        a.integer("defFontSize", defFontSize == 0 ? -1 : defFontSize);
        a.integer("annotation-version", 20230412);
        a.config("styles");
    }

    /** The workflow annotation on the canvas: the steps in short. */
    static String canvasText() {
        return String.join("\n",
                "JIND: annotate a new batch of single cells with a model trained on a labelled batch, rejecting"
                        + " unsure cells.",
                "1  CSV Reader (#1): labelled source batch (data/" + SOURCE_FILE + "; first column = RowID).",
                "2  Train JIND: learns the cell types (label column cell_type; genes = all numeric columns).",
                "3  CSV Reader (#2): target batch with a batch effect (data/" + TARGET_FILE
                        + "); its cell_type column is only used by the scorer.",
                "4  Align Batch: removes the batch effect by aligning the target to the model's latent space.",
                "5  Self-train JIND+: refines the aligned model on its confident target predictions.",
                "6  Annotate & Reject: predicted cell type, confidence and probabilities per cell; unsure cells"
                        + " become Unassigned.",
                "7  JIND Scorer: accuracy, rejection rate, F1 and confusion matrix against the known cell types.",
                "Execute All to run. Data and headless use: workflows/README.md in the JIND project.");
    }

    static String metadataXml(String description, List<String> tags) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<workflow-metadata content-type=\"text/plain\"")
                .append(" xmlns=\"http://www.knime.org/core/node/workflow/metadata/v1.0\">\n");
        sb.append("    <author>").append(text(AUTHOR)).append("</author>\n");
        sb.append("    <created>").append(WHEN_ISO).append("</created>\n");
        sb.append("    <last-modified>").append(WHEN_ISO).append("</last-modified>\n");
        sb.append("    <description>").append(text(description)).append("</description>\n");
        sb.append("    <tags>\n");
        for (String t : tags) {
            sb.append("        <tag>").append(text(t)).append("</tag>\n");
        }
        sb.append("    </tags>\n");
        sb.append("</workflow-metadata>\n");
        return sb.toString();
    }

    /** The legacy copy KNIME 5.5 still writes for older servers (WorkflowSetMetaParser.write's layout). */
    static String workflowSetMeta(String description, List<String> tags) {
        List<String[]> elements = new ArrayList<>();
        elements.add(new String[] {"text", "Author", "false", AUTHOR});
        elements.add(new String[] {"date", "Creation Date", "false", "24/10/2025/12:00:00 +00:00"});
        elements.add(new String[] {"multiline", "Comments", "false",
            "There has been no title set for this workflow's metadata.\n\n" + description + "\n\nTAGS: "
                    + String.join(",", tags)});
        elements.add(new String[] {"text", "Last Edited", "true", WHEN});
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<!--This file is auto-generated and is overwritten each time the workflow is saved.\n")
                .append("    The metadata have moved to the `workflow-metadata.xml` file.-->\n");
        sb.append("<KNIMEMetaInfo nrOfElements=\"").append(elements.size())
                .append("\" xmlns=\"http://www.knime.org/2.9/metainfo\">\n");
        for (String[] e : elements) {
            sb.append("    <element form=\"").append(e[0]).append("\" name=\"").append(e[1])
                    .append("\" read-only=\"").append(e[2]).append("\">").append(text(e[3])).append("</element>\n");
        }
        sb.append("</KNIMEMetaInfo>\n");
        return sb.toString();
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
