package org.jind.core.cli;

import static org.jind.core.cli.CliTest.ok;
import static org.jind.core.cli.CliTest.p;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.jind.core.data.Dataset;
import org.jind.core.data.H5adWriter;
import org.jind.core.data.SparseMatrix;
import org.jind.core.data.TenxH5Files;
import org.jind.core.data.TenxLayoutsTest;
import org.jind.core.model.JindModel;
import org.jind.core.sim.Simulator;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonParser;

/**
 * 10x inputs through the command line: a Cell Ranger 3 folder (with an antibody capture among its features) and a
 * labels CSV for run's source, its matrix file as --input, Ensembl-named data annotated by a model trained on the
 * folder, and a Cell Ranger 2 .h5 with two genomes.
 */
public class TenxCliTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static Path root;
    static Dataset sim;
    static Path folder;
    static Path labels;
    static String[] ids;

    @BeforeClass
    public static void writeTenxFolder() throws Exception {
        root = tmp.getRoot().toPath();
        sim = Simulator.simulate(new Simulator.Settings(120, 60, 3, 2, 0.5, 0.3, 0.1, false, 5));
        String[] genes = sim.genes();
        int n = genes.length;
        // the genes plus one antibody capture, which the reader must drop
        String[] featureIds = new String[n + 1];
        String[] names = new String[n + 1];
        String[] types = new String[n + 1];
        ids = new String[n];
        for (int j = 0; j < n; j++) {
            ids[j] = String.format("ENSG%011d", j + 1);
            featureIds[j] = ids[j];
            names[j] = genes[j];
            types[j] = "Gene Expression";
        }
        featureIds[n] = "CD3_TotalSeqB";
        names[n] = "CD3";
        types[n] = "Antibody Capture";
        float[][] counts = new float[sim.cells()][n + 1];
        SparseMatrix x = sim.matrix();
        for (int r = 0; r < sim.cells(); r++) {
            for (int k = x.rowStart(r); k < x.rowEnd(r); k++) {
                counts[r][x.colIndex(k)] = x.value(k);
            }
            counts[r][n] = 50 + r; // antibody counts that would dominate the genes if read as one
        }
        folder = TenxLayoutsTest.cellRangerDirectory(root.resolve("filtered_feature_bc_matrix"), "", counts,
                featureIds, names, types, sim.cellIds());
        StringBuilder csv = new StringBuilder("barcode,cell_type,batch\n");
        for (int i = 0; i < sim.cells(); i++) {
            csv.append(sim.cellId(i)).append(',').append(sim.obs("cell_type")[i]).append(',')
                    .append(sim.obs("batch")[i]).append('\n');
        }
        labels = root.resolve("labels.csv");
        Files.writeString(labels, csv);
    }

    @Test
    public void runTakesA10xSourceWithSourceLabels() {
        Path out = root.resolve("run");
        CliTest.Result r = ok("run", "--source", p(folder), "--source-labels", p(labels), "--batch-key", "batch",
                "--source-batch", "batch0", "--target-batch", "batch1", "--stages", "train", "--epochs", "2",
                "--json", "--out-dir", p(out));
        var train = JsonParser.parseString(r.out().strip().split("\n")[0]).getAsJsonObject();
        assertEquals("train", train.get("stage").getAsString());
        assertEquals("the target (batch1 of the same folder, labelled by the same CSV) is scored", 120,
                train.get("n_cells").getAsInt());
        JindModel m = JindModel.load(out.resolve("model.jind"));
        assertFalse("the antibody capture is no gene", Arrays.asList(m.plan.libraryGenes()).contains("CD3"));
        // without the labels the cell types are nowhere: one sentence, exit 2
        CliTest.Result bad = CliTest.cli("run", "--source", p(folder), "--stages", "train", "--out-dir",
                p(root.resolve("never")));
        assertEquals(bad.err(), 2, bad.code());
        assertTrue(bad.err(), bad.err().contains("cell_type"));
        assertFalse(Files.exists(root.resolve("never")));
    }

    @Test
    public void aModelTrainedOnTheMatrixFileAnnotatesEnsemblNamedData() throws Exception {
        Path model = root.resolve("m.jind");
        ok("train", "--input", p(folder.resolve("matrix.mtx.gz")), "--labels", p(labels), "--batch-key", "batch",
                "--batch", "batch0", "--epochs", "2", "--out", p(model), "--quiet");
        JindModel m = JindModel.load(model);
        assertTrue("the model keeps the genes' Ensembl ids", m.plan.libraryAliases() != null);
        assertEquals(ids[Arrays.asList(sim.genes()).indexOf(m.plan.libraryGenes()[0])], m.plan.libraryAliases()[0]);
        // the same cells with genes named by Ensembl id only: every model gene is found through the ids
        Path byId = root.resolve("by_id.h5ad");
        H5adWriter.write(new Dataset(sim.matrix(), sim.cellIds(), ids, java.util.Map.of(), "by id"), byId);
        CliTest.Result r = ok("annotate", "--model", p(model), "--input", p(byId), "--out",
                p(root.resolve("pred.csv")));
        assertTrue(r.err(), r.err().contains("other gene identifiers"));
        assertTrue(r.out(), r.out().contains("Annotated 240 cells"));
    }

    @Test
    public void twoGenomesAskForTheGenomeOptionByItsName() throws Exception {
        Path f = root.resolve("barnyard.h5");
        String[] barcodes = sim.cellIds();
        int n = sim.genes().length;
        String[][] gids = {ids, Arrays.stream(ids).map(s -> s.replace("ENSG", "ENSMUSG")).toArray(String[]::new)};
        String[][] gnames = {sim.genes(), Arrays.stream(sim.genes()).map(g -> "mm10_" + g).toArray(String[]::new)};
        TenxH5Files.writeV2Genomes(f, new String[] {"GRCh38", "mm10"}, new SparseMatrix[] {sim.matrix(),
            sim.matrix()}, barcodes, gids, gnames);
        CliTest.Result bad = CliTest.cli("train", "--input", p(f), "--labels", p(labels), "--out",
                p(root.resolve("never.jind")), "--quiet");
        assertEquals(bad.err(), 2, bad.code());
        assertEquals("error: barnyard.h5 holds 2 genomes in Cell Ranger 2's layout (GRCh38, mm10), one matrix each;"
                + " choose one with --genome GRCh38.", bad.err().strip());
        CliTest.Result run = CliTest.cli("run", "--source", p(f), "--source-labels", p(labels), "--stages", "train",
                "--out-dir", p(root.resolve("neverdir")));
        assertTrue(run.err(), run.err().contains("choose one with --source-genome GRCh38."));
        Path model = root.resolve("mouse.jind");
        ok("train", "--input", p(f), "--genome", "mm10", "--labels", p(labels), "--batch-key", "batch", "--batch",
                "batch0", "--epochs", "1", "--out", p(model), "--quiet");
        String[] genes = JindModel.load(model).plan.libraryGenes();
        assertTrue(Arrays.toString(genes), genes.length > 0 && genes.length <= n
                && Arrays.stream(genes).allMatch(g -> g.startsWith("mm10_")));
        CliTest.Result wrong = CliTest.cli("train", "--input", p(f), "--genome", "hg19", "--labels", p(labels),
                "--out", p(root.resolve("never.jind")), "--quiet");
        assertEquals("error: barnyard.h5 has no genome 'hg19'; its genomes are: GRCh38, mm10.", wrong.err().strip());
    }
}
