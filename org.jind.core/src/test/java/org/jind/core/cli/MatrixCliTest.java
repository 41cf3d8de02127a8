package org.jind.core.cli;

import static org.jind.core.cli.CliTest.cli;
import static org.jind.core.cli.CliTest.ok;
import static org.jind.core.cli.CliTest.p;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jind.core.data.AnnDataLayouts;
import org.jind.core.data.AnnDataLayouts.Layout;
import org.jind.core.data.Dataset;
import org.jind.core.data.MatrixChoice;
import org.jind.core.model.JindModel;
import org.jind.core.prep.ValueType;
import org.jind.core.sim.Simulator;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * --matrix end to end on the layouts scanpy and CELLxGENE write: normalised values in X, the counts in a layer or
 * in raw over more genes. The model records the matrix it was trained on; later steps read it unless told otherwise.
 */
public class MatrixCliTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static Path scanpy;
    static Path cellxgene;
    static Path noX;
    static Path model;

    @BeforeClass
    public static void writeFilesAndTrainOnTheCountsLayer() {
        Simulator.Settings d = Simulator.Settings.defaults();
        Dataset sim = Simulator.simulate(new Simulator.Settings(120, 60, 3, 2, d.batchEffect(), d.dispersion(),
                d.markerFraction(), false, 7));
        int n = sim.cells();
        int g = sim.genes().length;
        float[][] counts = new float[n][g];
        float[][] log = new float[n][g];
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (int j = 0; j < g; j++) {
                counts[i][j] = sim.matrix().get(i, j);
                total += counts[i][j];
            }
            for (int j = 0; j < g; j++) {
                log[i][j] = (float) Math.log1p(counts[i][j] / total * 1e4);
            }
        }
        String[] ids = new String[g];
        String[] symbols = new String[g];
        for (int j = 0; j < g; j++) {
            ids[j] = String.format("ENSG%011d", j + 1);
            symbols[j] = sim.genes()[j];
        }
        Path dir = tmp.getRoot().toPath();
        scanpy = new AnnDataLayouts.File(sim.cellIds(), symbols).obs("cell_type", sim.obs("cell_type"))
                .obs("batch", sim.obs("batch")).var("gene_ids", ids).x(log, Layout.CSR)
                .layer("counts", counts, Layout.CSR).write(dir.resolve("scanpy.h5ad"));
        // CELLxGENE: X over the 50 genes kept, raw over all 60; Ensembl ids as index, symbols in feature_name
        int kept = 50;
        float[][] keptLog = new float[n][];
        for (int i = 0; i < n; i++) {
            keptLog[i] = java.util.Arrays.copyOf(log[i], kept);
        }
        cellxgene = new AnnDataLayouts.File(sim.cellIds(), java.util.Arrays.copyOf(ids, kept))
                .obs("cell_type", sim.obs("cell_type")).obs("batch", sim.obs("batch"))
                .var("feature_name", java.util.Arrays.copyOf(symbols, kept)).x(keptLog, Layout.CSR)
                .raw(counts, Layout.CSR, ids, Map.of("feature_name", symbols)).write(dir.resolve("cxg.h5ad"));
        noX = new AnnDataLayouts.File(sim.cellIds(), symbols).obs("cell_type", sim.obs("cell_type"))
                .obs("batch", sim.obs("batch")).layer("counts", counts, Layout.DENSE).write(dir.resolve("noX.h5ad"));
        model = dir.resolve("counts.jind");
        ok("train", "--input", p(scanpy), "--matrix", "counts", "--batch-key", "batch", "--batch", "batch0", "--out",
                p(model), "--epochs", "2", "--quiet");
    }

    @Test
    public void theModelRecordsTheLayerItWasTrainedOn() {
        JindModel m = JindModel.load(model);
        assertEquals(MatrixChoice.layer("counts"), m.plan.matrix());
        assertEquals(ValueType.COUNTS, m.plan.values());
    }

    @Test
    public void laterStepsReadTheModelsMatrixAndSaySoAndAChoiceOverridesIt() throws Exception {
        Path out = tmp.getRoot().toPath().resolve("pred.csv");
        CliTest.Result r = ok("annotate", "--input", p(scanpy), "--batch-key", "batch", "--batch", "batch1", "--model",
                p(model), "--out", p(out));
        assertTrue(r.err(), r.err().contains("reading the layer 'counts' of scanpy.h5ad, the matrix the model was"
                + " trained on (--matrix chooses another)"));
        assertEquals(121, Files.readAllLines(out).size());
        // X holds log-normalised values: the counts model refuses them
        Path x = tmp.getRoot().toPath().resolve("predX.csv");
        CliTest.Result refused = cli("annotate", "--input", p(scanpy), "--matrix", "X", "--model", p(model), "--out",
                p(x));
        assertEquals(refused.err(), 2, refused.code());
        assertTrue(refused.err(), refused.err().contains("The model was trained on raw counts, but these data are not"
                + " whole numbers"));
        assertFalse(Files.exists(x));
        // a file without the model's layer: X, said so
        CliTest.Result fallback = cli("evaluate", "--input", p(cellxgene), "--model", p(model),
                "--fill-missing-genes");
        assertTrue(fallback.err(), fallback.err().contains("cxg.h5ad has no layer 'counts', the matrix the model was"
                + " trained on: reading X (--matrix chooses another)"));
        assertEquals(fallback.err(), 2, fallback.code());
        assertTrue(fallback.err(), fallback.err().contains("not whole numbers"));
    }

    @Test
    public void aFileWithoutXOpensWithALayerAndSaysHowToChooseOtherwise() {
        CliTest.Result r = cli("train", "--input", p(noX), "--out", p(tmp.getRoot().toPath().resolve("n.jind")),
                "--epochs", "1", "--quiet");
        assertEquals(r.err(), 2, r.code());
        assertEquals("error: noX.h5ad has no X; it has the layer 'counts': choose one with --matrix.", r.err().strip());
        CliTest.Result unknown = cli("train", "--input", p(noX), "--matrix", "spliced", "--out",
                p(tmp.getRoot().toPath().resolve("n.jind")), "--epochs", "1", "--quiet");
        assertEquals("error: noX.h5ad has no layer 'spliced'; it has the layer 'counts': choose one with --matrix.",
                unknown.err().strip());
    }

    @Test
    public void runTrainsOnRawOverMoreGenesAndReadsTheTargetFromTheSameMatrix() throws Exception {
        Path out = tmp.getRoot().toPath().resolve("run");
        CliTest.Result r = ok("run", "--source", p(cellxgene), "--source-matrix", "raw", "--batch-key", "batch",
                "--source-batch", "batch0", "--target-batch", "batch1", "--stages", "train", "--epochs", "2",
                "--out-dir", p(out), "--quiet");
        assertTrue(r.out(), r.out().startsWith("train "));
        JindModel m = JindModel.load(out.resolve("model.jind"));
        assertEquals(MatrixChoice.RAW, m.plan.matrix());
        assertEquals(ValueType.COUNTS, m.plan.values());
        assertEquals("raw's 60 genes, named by raw/var's Ensembl ids", 60, m.plan.libraryGenes().length);
        assertTrue(m.plan.libraryGenes()[0].startsWith("ENSG"));
        assertEquals(121, Files.readAllLines(out.resolve("predictions_train.csv")).size());
        // --target-matrix overrides the source's: X holds normalised values, which the counts model refuses
        CliTest.Result x = cli("run", "--source", p(cellxgene), "--source-matrix", "raw", "--target-matrix", "X",
                "--batch-key", "batch", "--source-batch", "batch0", "--target-batch", "batch1", "--stages", "train",
                "--epochs", "2", "--out-dir", p(tmp.getRoot().toPath().resolve("run2")), "--quiet");
        assertEquals(x.err(), 2, x.code());
        assertTrue(x.err(), x.err().contains("The model was trained on raw counts, but these data are not whole"));
    }
}
