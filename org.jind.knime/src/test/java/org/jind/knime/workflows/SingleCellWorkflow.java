package org.jind.knime.workflows;

import static org.jind.knime.workflows.ExampleWorkflow.ALIGN;
import static org.jind.knime.workflows.ExampleWorkflow.ANNOTATE;
import static org.jind.knime.workflows.ExampleWorkflow.SCORER;
import static org.jind.knime.workflows.ExampleWorkflow.SELFTRAIN;
import static org.jind.knime.workflows.ExampleWorkflow.TRAIN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jind.core.data.Dataset;
import org.jind.core.data.H5adWriter;
import org.jind.core.sim.Simulator;
import org.jind.knime.logic.SingleCellRead;
import org.jind.knime.workflows.ExampleWorkflow.Connection;
import org.jind.knime.workflows.ExampleWorkflow.NodeDef;

/**
 * The example workflow "JIND single-cell example", on our nodes alone: Single-Cell Reader (source batch of a
 * simulated .h5ad in the workflow's data folder) → Train JIND → Single-Cell Reader (target batch, the model's genes)
 * → Align Batch → Self-train JIND+ → Annotate &amp; Reject → JIND Scorer. Written like {@link ExampleWorkflow} (same
 * files, settings from the nodes' code); {@link SingleCellWorkflowTest} checks it and rewrites it, data included,
 * with {@code -Djind.workflows.write}.
 */
final class SingleCellWorkflow {
    static final String NAME = "JIND single-cell example";
    static final String DATA_FILE = "cells.h5ad";
    /** The readers' file, relative to the workflow, so the workflow runs wherever it is copied. */
    static final String FILE_URL = "knime://knime.workflow/data/" + DATA_FILE;
    static final String READER = "org.jind.knime.nodes.reader.SingleCellReaderNodeFactory";

    /** The same cells as the CSV example's (same simulator settings and seed), in one file with both batches. */
    static final String SIMULATE_COMMAND = "./jind simulate --out \"workflows/" + NAME + "/data/" + DATA_FILE
            + "\" --cells 300 --genes 200 --types 4 --batch-effect 0.8 --seed 1";
    static final Simulator.Settings SIMULATION = new Simulator.Settings(300, 200, 4, 2, 0.8,
            Simulator.Settings.defaults().dispersion(), Simulator.Settings.defaults().markerFraction(), false, 1);

    static final int SOURCE_READER = 1;
    static final int TARGET_READER = 3;

    static final List<NodeDef> NODES = List.of(
            new NodeDef(SOURCE_READER, READER, null, 80, 260, "Source batch (labelled)\nbatch0 of " + DATA_FILE),
            new NodeDef(2, TRAIN, null, 280, 260, "Train on the source"),
            new NodeDef(TARGET_READER, READER, null, 480, 470, "Target batch\nbatch1, the model's genes"),
            new NodeDef(4, ALIGN, null, 680, 350, "Align the target\nto the model"),
            new NodeDef(5, SELFTRAIN, null, 880, 350, "Refine on the\ntarget (JIND+)"),
            new NodeDef(6, ANNOTATE, null, 1080, 350, "Annotate the target,\nreject unsure cells"),
            new NodeDef(7, SCORER, null, 1280, 350, "Compare with the\nknown cell types"));

    /** Port 0 is the flow variable port; data and model ports count from 1. */
    static final List<Connection> CONNECTIONS = List.of(
            new Connection(1, 1, 2, 1), // source cells -> Train JIND
            new Connection(2, 1, 3, 1), // model -> target reader's model port: read the model's genes
            new Connection(2, 1, 4, 1), // model -> Align Batch
            new Connection(3, 1, 4, 2), // target cells -> Align Batch
            new Connection(4, 1, 5, 1), // aligned model -> Self-train JIND+
            new Connection(3, 1, 5, 2), // target cells -> Self-train JIND+
            new Connection(5, 1, 6, 1), // JIND+ model -> Annotate & Reject
            new Connection(3, 1, 6, 2), // target cells -> Annotate & Reject
            new Connection(6, 1, 7, 1)); // annotated cells -> JIND Scorer

    /** The settings that are not the code's defaults, per node id. */
    static final Map<Integer, Map<String, Object>> SETTINGS = Map.of(
            SOURCE_READER, Map.of("file", FILE_URL, "batch_column", "batch", "batches", "batch0"),
            2, Map.of("label_column", "cell_type"),
            TARGET_READER, Map.of("file", FILE_URL, "batch_column", "batch", "batches", "batch1",
                    "genes", SingleCellRead.GeneChoice.MODEL.label()),
            7, Map.of("true_label_column", "cell_type"));

    static final String DESCRIPTION = String.join("\n",
            "Annotates the cells of a new single-cell RNA-seq batch with JIND, using a model trained on another,"
                    + " labelled batch of the same AnnData file. Cells the model is unsure about are rejected as"
                    + " \"Unassigned\". Uses only the JIND extension's nodes.",
            "",
            "1. Single-Cell Reader (#1) reads the labelled source batch: the cells of data/" + DATA_FILE
                    + " whose 'batch' is batch0, with their annotations (cell_type, batch) and all 200 genes.",
            "2. Train JIND (#2) trains the classifier: label column cell_type, genes = all numeric columns.",
            "3. Single-Cell Reader (#3) reads the target batch (batch1, with a simulated batch effect), only the"
                    + " genes of the model at its input, in the model's order.",
            "4. Align Batch (#4) aligns the target batch to the model (removes the batch effect).",
            "5. Self-train JIND+ (#5) refines the aligned model on its most confident target predictions.",
            "6. Annotate & Reject (#6) appends the raw prediction, the prediction (or Unassigned), the confidence"
                    + " and one probability per cell type.",
            "7. JIND Scorer (#7) compares the predictions with the known cell types.",
            "",
            "All JIND options are at their defaults except the readers' file and batches, the target reader's genes"
                    + " (the model's) and the label columns (cell_type). Run it with Execute All.",
            "The data are simulated (the same cells as the CSV-based example); to write them again, run in the JIND"
                    + " project folder:",
            SIMULATE_COMMAND,
            "Needs KNIME Analytics Platform 5.5 or later with the JIND extension installed, nothing else.");

    static String canvasText() {
        return String.join("\n",
                "JIND on an AnnData file, with the JIND nodes alone: annotate a new batch with a model trained on a"
                        + " labelled batch, rejecting unsure cells.",
                "1  Single-Cell Reader (#1): the labelled source batch (batch0) of data/" + DATA_FILE + ".",
                "2  Train JIND: learns the cell types (label column cell_type; genes = all numeric columns).",
                "3  Single-Cell Reader (#3): the target batch (batch1), exactly the model's genes (model port).",
                "4  Align Batch: removes the batch effect by aligning the target to the model's latent space.",
                "5  Self-train JIND+: refines the aligned model on its confident target predictions.",
                "6  Annotate & Reject: predicted cell type, confidence and probabilities; unsure cells become"
                        + " Unassigned.",
                "7  JIND Scorer: accuracy, rejection rate, F1 and confusion matrix against the known cell types.",
                "Execute All to run. Data and headless use: workflows/README.md in the JIND project.");
    }

    static Path dir() {
        return ExampleWorkflow.workflowsDir().resolve(NAME);
    }

    static ExampleWorkflow.Definition definition() {
        return new ExampleWorkflow.Definition(NODES, CONNECTIONS, n -> SETTINGS.getOrDefault(n.id(), Map.of()),
                canvasText(), DESCRIPTION, List.of("JIND", "single-cell", "AnnData", "h5ad", "cell type annotation",
                        "batch effect", "rejection"));
    }

    /** The data file as {@link #SIMULATE_COMMAND} writes it. */
    static Dataset data() {
        return Simulator.simulate(SIMULATION);
    }

    static void write() throws IOException {
        ExampleWorkflow.write(dir(), definition());
        Path data = dir().resolve("data");
        Files.createDirectories(data);
        H5adWriter.write(data(), data.resolve(DATA_FILE));
    }

    private SingleCellWorkflow() {
    }
}
