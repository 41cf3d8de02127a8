package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.data.DatasetInfo;
import org.jind.core.data.DatasetReader;
import org.jind.core.data.H5adWriter;
import org.jind.core.model.JindModel;
import org.jind.core.prep.Preprocessing;
import org.jind.knime.logic.SingleCellRead.GeneChoice;
import org.jind.knime.logic.SingleCellRead.Options;
import org.jind.knime.logic.SingleCellRead.Plan;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** The Single-Cell Reader's decisions on files the tests write: columns from metadata, cells, genes, values. */
public class SingleCellReadTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final List<String> RECORDED = new ArrayList<>();

    private static ProgressSink progress() {
        return new ProgressSink() {
            @Override
            public void progress(double fraction, String message) {
                RECORDED.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }

    /** The simulator's two batches (160 cells each, 60 genes) as .h5ad. */
    private Path simulated() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("sim.h5ad");
        H5adWriter.write(TinyJind.all(), f);
        return f;
    }

    private static Options options(String batchColumn, String batches, GeneChoice genes, int top, String id,
            int limit) {
        return Options.of(batchColumn, batches, genes.label(), top, id, limit);
    }

    @Test
    public void allGenesOfOneBatchAreTheFileValuesCellByCell() throws Exception {
        Path f = simulated();
        DatasetInfo info = DatasetReader.info(f);
        Options o = options("batch", "batch1", GeneChoice.ALL, 1, "", 0);
        Plan plan = SingleCellRead.plan(info, o, false, null);
        List<String> names = plan.columns().stream().map(OutputColumn::name).toList();
        assertEquals("the data frame's column order", List.of("cell_type", "batch"), names.subList(0, 2));
        assertEquals(2 + 60, names.size());
        assertEquals(Arrays.asList(TinyJind.all().genes()), names.subList(2, names.size()));
        assertEquals(OutputColumn.Kind.STRING, plan.columns().get(0).kind());

        Table t = read(f, info, o, plan);
        assertEquals(plan.columns(), t.columns());
        Dataset target = TinyJind.target();
        assertEquals(target.cells(), t.cells());
        double[] row = new double[60];
        for (int i = 0; i < t.cells(); i += 17) {
            assertEquals(target.cellId(i), t.cellId(i));
            t.genes(i, row);
            for (int g = 0; g < 60; g++) {
                assertEquals(target.matrix().get(i, g), row[g], 0);
            }
        }
        // the text columns' values among the kept cells: KNIME's domain, Train JIND's cell types before it runs
        List<List<String>> values = SingleCellRead.annotationValues(info, o);
        assertEquals(new java.util.TreeSet<>(List.of(target.obs("cell_type"))).stream().toList(), values.get(0));
        assertEquals(List.of("batch1"), values.get(1));
        assertEquals("a cell limit keeps no promise", List.of(List.of(), List.of()), SingleCellRead.annotationValues(
                info, options("batch", "batch1", GeneChoice.ALL, 1, "", 10)));
        Object[] first = t.annotations(0);
        int batchCol = names.indexOf("batch");
        assertEquals("batch1", first[batchCol]);
    }

    @Test
    public void theModelsGenesInTheModelsOrderAndTheCellLimit() throws Exception {
        Path f = simulated();
        DatasetInfo info = DatasetReader.info(f);
        String[] model = TinyJind.trained().plan.selectedGenes();
        String[] withAbsent = Arrays.copyOf(model, model.length + 1);
        withAbsent[model.length] = "NOT_A_GENE";
        Options o = options("batch", "batch1", GeneChoice.MODEL, 1, "", 25);
        Plan plan = SingleCellRead.plan(info, o, true, withAbsent);
        assertArrayEquals("model order; absent genes get no column", model, plan.geneNames());
        assertEquals(1, plan.warnings().size());
        assertTrue(plan.warnings().get(0), plan.warnings().get(0).startsWith("1 of the model's 41 genes are not in"
                + " sim.h5ad (e.g. 'NOT_A_GENE')"));

        Table t = read(f, info, o, plan);
        assertEquals("cell limit", 25, t.cells());
        Dataset target = TinyJind.target();
        java.util.Map<String, Integer> col = target.geneIndex();
        double[] row = new double[model.length];
        t.genes(24, row);
        for (int k = 0; k < model.length; k++) {
            assertEquals(model[k], target.matrix().get(24, col.get(model[k])), row[k], 0);
        }

        // before training the model's genes are unknown: so is the spec
        assertNull(SingleCellRead.plan(info, o, true, null).columns());
        try {
            SingleCellRead.plan(info, o, false, null);
            fail("the model's genes without a model");
        } catch (JindException e) {
            assertEquals("'Genes' is 'The genes of the model at the input port' but no JIND model is connected to the"
                    + " model input port; connect one, or choose another 'Genes'.", e.getMessage());
        }
    }

    @Test
    public void mostVariableGenesAreTrainJindsChoiceOverTheKeptCells() throws Exception {
        Path f = simulated();
        DatasetInfo info = DatasetReader.info(f);
        Options o = options("batch", "batch0", GeneChoice.MOST_VARIABLE, 12, "", 0);
        Plan plan = SingleCellRead.plan(info, o, false, null);
        assertNull("known only from the values", plan.columns());
        Table t = read(f, info, o, plan);
        String[] expected = Preprocessing.fit(TinyJind.source(), null, 12).plan().selectedGenes();
        assertArrayEquals(expected, t.geneNames());
        assertEquals(2 + 12, t.columns().size());
    }

    @Test
    public void geneIdentifierNamesTheColumnsAndAMismatchNamesTheRightOne() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("ids.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putDataset("X", new float[][] {{1, 0, 2}, {0, 3, 0}});
            WritableGroup obs = h5.putGroup("obs");
            obs.putAttribute("_index", "_index");
            obs.putAttribute("column-order", new String[] {"n_genes", "pct"}); // the data frame's order
            obs.putDataset("_index", new String[] {"a", "b"});
            obs.putDataset("n_genes", new long[] {2, 1});
            obs.putDataset("pct", new double[] {0.5, Double.NaN});
            WritableGroup var = h5.putGroup("var");
            var.putAttribute("_index", "_index");
            var.putDataset("_index", new String[] {"ENSG1", "ENSG2", "ENSG3"});
            var.putDataset("feature_name", new String[] {"CD3E", "LYZ", "NKG7"});
        }
        DatasetInfo info = DatasetReader.info(f);
        Options bySymbol = options("", "", GeneChoice.ALL, 1, "feature_name", 0);
        Plan plan = SingleCellRead.plan(info, bySymbol, false, null);
        assertArrayEquals(new String[] {"CD3E", "LYZ", "NKG7"}, plan.geneNames());
        assertEquals(List.of(new OutputColumn("n_genes", OutputColumn.Kind.INT),
                new OutputColumn("pct", OutputColumn.Kind.DOUBLE)), plan.annotations());
        Table t = read(f, info, bySymbol, plan);
        assertArrayEquals(new Object[] {2, 0.5}, t.annotations(0));
        assertEquals(Double.NaN, (Double) t.annotations(1)[1], 0); // a missing cell in KNIME

        // a symbol model against the file's Ensembl index: the message names the identifier that matches
        Options byModel = options("", "", GeneChoice.MODEL, 1, "", 0);
        try {
            SingleCellRead.plan(info, byModel, true, new String[] {"NKG7", "CD3E"});
            fail("no gene matches under the var index");
        } catch (JindException e) {
            assertEquals("None of the model's 2 genes (e.g. 'NKG7', 'CD3E') is a gene of ids.h5ad under 'var index'"
                    + " (e.g. 'ENSG1', 'ENSG2', 'ENSG3'); 'feature_name' names 2 of them: choose it as 'Gene"
                    + " identifier'.", e.getMessage());
        }
        assertArrayEquals(new String[] {"NKG7", "CD3E"},
                SingleCellRead.plan(info, options("", "", GeneChoice.MODEL, 1, "feature_name", 0), true,
                        new String[] {"NKG7", "CD3E"}).geneNames());
        try {
            SingleCellRead.plan(info, options("", "", GeneChoice.ALL, 1, "gene_symbols", 0), false, null);
            fail("an identifier the file lacks");
        } catch (JindException e) {
            assertEquals("'Gene identifier' is 'gene_symbols', which ids.h5ad does not offer; it offers: var index,"
                    + " feature_name (leave it blank for the file's own gene names).", e.getMessage());
        }
    }

    @Test
    public void wrongBatchesAndColumnsListWhatTheFileHas() throws Exception {
        Path f = simulated();
        DatasetInfo info = DatasetReader.info(f);
        assertMessage("'Batches to keep': 'batch7' not found in 'batch'; its values are: 'batch0', 'batch1'.",
                () -> SingleCellRead.plan(info, options("batch", "batch0, batch7", GeneChoice.ALL, 1, "", 0), false,
                        null));
        assertMessage("'Batch column' is 'sample', which is not an annotation column of sim.h5ad; it has: cell_type,"
                + " batch.", () -> SingleCellRead.plan(info, options("sample", "s1", GeneChoice.ALL, 1, "", 0),
                        false, null));
        assertMessage("'Batch column' is 'batch' but no 'Batches to keep' are given; list them separated by commas,"
                + " or clear 'Batch column' to keep every cell.", () -> options("batch", " , ", GeneChoice.ALL, 1, "",
                        0));
        assertMessage("'Genes' must be one of: All genes; Most variable genes over the kept cells; The genes of the"
                + " model at the input port; it is 'some'.", () -> Options.of("", "", "some", 1, "", 0));
    }

    @Test
    public void aMatrixMtxFileStandsForItsFolder() throws Exception {
        Path dir = tmp.newFolder("filtered_feature_bc_matrix").toPath();
        assertEquals(dir, SingleCellRead.dataPath(dir.resolve("matrix.mtx.gz")));
        assertEquals(dir, SingleCellRead.dataPath(dir.resolve("matrix.mtx")));
        Path h5ad = dir.resolve("cells.h5ad");
        assertEquals(h5ad, SingleCellRead.dataPath(h5ad));
        // and the folder reads: sparse entries → the same values, barcodes as RowIDs
        Files.writeString(dir.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate integer general\n2 2 2\n"
                + "1 1 4\n2 2 7\n");
        Files.writeString(dir.resolve("features.tsv"), "ENSG1\tCD3E\nENSG2\tLYZ\n");
        Files.writeString(dir.resolve("barcodes.tsv"), "AAAC-1\nAAAG-1\n");
        Path data = SingleCellRead.dataPath(dir.resolve("matrix.mtx"));
        DatasetInfo info = DatasetReader.info(data);
        Options ids = options("", "", GeneChoice.ALL, 1, "gene_ids", 0);
        Table t = read(data, info, ids, SingleCellRead.plan(info, ids, false, null));
        assertArrayEquals(new String[] {"ENSG1", "ENSG2"}, t.geneNames());
        double[] row = new double[2];
        t.genes(1, row);
        assertEquals("AAAG-1", t.cellId(1));
        assertArrayEquals(new double[] {0, 7}, row, 0);
    }

    @Test
    public void chunksAcrossTheFileKeepTheBatchesAndTheLimitInFileOrder() throws Exception {
        // 2 × 1,300 cells: three chunks of 1,024, the kept batch starting inside the second
        Dataset all = org.jind.core.sim.Simulator.simulate(new org.jind.core.sim.Simulator.Settings(1300, 30, 3, 2,
                0.5, 0.3, 0.1, false, 3));
        Path f = tmp.getRoot().toPath().resolve("big.h5ad");
        H5adWriter.write(all, f);
        DatasetInfo info = DatasetReader.info(f);
        Options o = options("batch", "batch1", GeneChoice.ALL, 1, "", 1100);
        Table t = read(f, info, o, SingleCellRead.plan(info, o, false, null));
        Dataset expected = all.selectBatch("batch", "batch1");
        assertEquals(1100, t.cells());
        double[] row = new double[30];
        for (int i = 0; i < 1100; i += 99) {
            assertEquals(expected.cellId(i), t.cellId(i));
            t.genes(i, row);
            for (int g = 0; g < 30; g++) {
                assertEquals(expected.matrix().get(i, g), row[g], 0);
            }
        }
        assertTrue("progress per chunk: " + RECORDED, RECORDED.stream().anyMatch(m -> m.startsWith("Read 2048 of 2600")));
        // the most variable genes are chosen over exactly the kept cells
        Options top = options("batch", "batch1", GeneChoice.MOST_VARIABLE, 5, "", 1100);
        Table tt = read(f, info, top, SingleCellRead.plan(info, top, false, null));
        int[] first1100 = new int[1100];
        for (int i = 0; i < 1100; i++) {
            first1100[i] = i;
        }
        assertArrayEquals(Preprocessing.fit(expected.selectRows(first1100), null, 5).plan().selectedGenes(),
                tt.geneNames());
        assertEquals(1100, tt.cells());
    }

    @Test
    public void tenxHdf5ByIdOrSymbolAndCsvWithItsTextColumnsAsAnnotations() throws Exception {
        // Cell Ranger 3+: genes × cells compressed by cell; two genes share a symbol
        Path h5 = tmp.getRoot().toPath().resolve("filtered_feature_bc_matrix.h5");
        try (WritableHdfFile f = HdfFile.write(h5)) {
            WritableGroup m = f.putGroup("matrix");
            m.putDataset("data", new int[] {4, 1, 7});
            m.putDataset("indices", new long[] {0, 2, 1});
            m.putDataset("indptr", new long[] {0, 2, 3});
            m.putDataset("shape", new int[] {3, 2});
            m.putDataset("barcodes", new String[] {"AAAC-1", "AAAG-1"});
            WritableGroup g = m.putGroup("features");
            g.putDataset("id", new String[] {"ENSG1", "ENSG2", "ENSG3"});
            g.putDataset("name", new String[] {"TBCE", "CD3E", "TBCE"});
            g.putDataset("feature_type", new String[] {"Gene Expression", "Gene Expression", "Gene Expression"});
            g.putDataset("genome", new String[] {"GRCh38", "GRCh38", "GRCh38"});
        }
        DatasetInfo info = DatasetReader.info(h5);
        assertEquals(List.of("gene_symbols", "gene_ids"), info.identifiers());
        Options byId = options("", "", GeneChoice.MODEL, 1, "gene_ids", 0);
        Table t = read(h5, info, byId, SingleCellRead.plan(info, byId, true, new String[] {"ENSG3", "ENSG1"}));
        assertArrayEquals(new String[] {"ENSG3", "ENSG1"}, t.geneNames());
        double[] row = new double[2];
        t.genes(0, row);
        assertArrayEquals("cell AAAC-1: ENSG1 = 4, ENSG3 = 1", new double[] {1, 4}, row, 0);
        Options bySymbol = options("", "", GeneChoice.ALL, 1, "", 0);
        assertArrayEquals(new String[] {"TBCE", "CD3E", "TBCE-1"},
                read(h5, info, bySymbol, SingleCellRead.plan(info, bySymbol, false, null)).geneNames());

        Path csv = tmp.getRoot().toPath().resolve("cells.csv");
        Files.writeString(csv, "cell,CD3E,cell_type,LYZ,batch\nc1,1,T,0.5,b1\nc2,0,B,2,b2\nc3,3,T,0,b1\n");
        DatasetInfo ci = DatasetReader.info(csv);
        Options b1 = options("batch", "b1", GeneChoice.ALL, 1, "", 0);
        Plan plan = SingleCellRead.plan(ci, b1, false, null);
        assertEquals(List.of("cell_type", "batch", "CD3E", "LYZ"), plan.columns().stream().map(OutputColumn::name)
                .toList());
        Table c = read(csv, ci, b1, plan);
        assertEquals(List.of("c1", "c3"), c.ids());
        assertArrayEquals(new Object[] {"T", "b1"}, c.annotations(1));
        double[] v = new double[2];
        c.genes(1, v);
        assertArrayEquals(new double[] {3, 0}, v, 0);
    }

    /**
     * The single-cell example workflow's path through the logic: reader (source batch) → Train JIND on its table
     * → reader (target batch, the model's genes) → the model's gene check passes → Annotate → Scorer.
     */
    @Test
    public void readerTablesFeedTrainingAndAnnotationAsInTheExampleWorkflow() throws Exception {
        Path f = simulated();
        DatasetInfo info = DatasetReader.info(f);
        Options source = options("batch", "batch0", GeneChoice.ALL, 1, "", 0);
        Table src = read(f, info, source, SingleCellRead.plan(info, source, false, null));
        List<ColumnInfo> columns = columnInfos(src.columns());
        TrainingColumns c = TrainingColumns.of(columns, "cell_type", null);
        assertEquals("every gene column, no annotation", 60, c.genes().length);
        JindModel model = org.jind.core.Jind.train(dataset(src, columns, c.genes(), "cell_type"), c.label(), null,
                TinyJind.trainSettings(), org.jind.core.Progress.NONE);

        Options target = options("batch", "batch1", GeneChoice.MODEL, 1, "", 0);
        ModelSummary summary = ModelSummary.of(model);
        Plan plan = SingleCellRead.plan(info, target, true, summary.genes());
        List<ColumnInfo> targetColumns = columnInfos(plan.columns());
        assertEquals(null, ModelChecks.checkGenes(summary, targetColumns, false));
        Table tgt = read(f, info, target, plan);
        assertEquals(plan.columns(), tgt.columns());
        Dataset t = dataset(tgt, targetColumns, summary.genes(), "cell_type");
        org.jind.core.annotate.Annotation a = org.jind.core.Jind.annotate(model, t, 0.05, false,
                org.jind.core.Progress.NONE);
        String[] pred = new String[t.cells()];
        String[] raw = new String[t.cells()];
        for (int i = 0; i < t.cells(); i++) {
            Object[] v = AnnotateOutput.values(a, i, false);
            raw[i] = (String) v[0];
            pred[i] = (String) v[1];
        }
        Scorer.Scores scores = Scorer.score(t.obs("cell_type"), pred, raw);
        assertTrue("raw accuracy " + scores.raw(), scores.raw() > 0.5);
    }

    private static List<ColumnInfo> columnInfos(List<OutputColumn> columns) {
        return columns.stream().map(c -> c.kind() == OutputColumn.Kind.STRING ? ColumnInfo.string(c.name())
                : ColumnInfo.numeric(c.name())).toList();
    }

    /** What Train JIND / Annotate read from the reader's table: the given gene columns and the label column. */
    private static Dataset dataset(Table t, List<ColumnInfo> columns, String[] genes, String label) {
        List<String> names = columns.stream().map(ColumnInfo::name).toList();
        int geneStart = t.columns().size() - t.geneNames().length; // annotations come first
        DatasetBuilder b = new DatasetBuilder(genes, new String[] {label}, MissingValuePolicy.FAIL, "table");
        double[] all = new double[t.geneNames().length];
        double[] values = new double[genes.length];
        for (int i = 0; i < t.cells(); i++) {
            t.genes(i, all);
            for (int g = 0; g < genes.length; g++) {
                values[g] = all[names.indexOf(genes[g]) - geneStart];
            }
            b.addRow(t.cellId(i), values, new String[] {(String) t.annotations(i)[names.indexOf(label)]});
        }
        return b.build();
    }

    /** The rows a reading writes, kept for the assertions. */
    private record Table(List<OutputColumn> columns, String[] geneNames, List<String> ids, List<Object[]> annotations,
            List<double[]> genes) {
        int cells() {
            return ids.size();
        }

        String cellId(int i) {
            return ids.get(i);
        }

        Object[] annotations(int i) {
            return annotations.get(i);
        }

        void genes(int i, double[] out) {
            System.arraycopy(genes.get(i), 0, out, 0, out.length);
        }
    }

    private static Table read(Path f, DatasetInfo info, Options o, Plan plan) {
        SingleCellRead.Reading r = SingleCellRead.open(f, info, o, plan, progress());
        Table t = new Table(r.columns(), r.geneNames(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int n = r.write((id, annotations, genes) -> {
            t.ids().add(id);
            t.annotations().add(annotations);
            t.genes().add(genes.clone());
        }, progress());
        assertEquals(n, t.cells());
        return t;
    }

    private static void assertMessage(String expected, Runnable r) {
        try {
            r.run();
        } catch (JindException e) {
            assertEquals(expected, e.getMessage());
            return;
        }
        fail("expected: " + expected);
    }
    @Test
    public void rawIsReadWithItsOwnGenesAndAMissingMatrixNamesTheOption() throws Exception {
        // CELLxGENE: X normalised over 2 genes, raw/X counts over 3, each dataframe per the AnnData spec
        Path f = tmp.getRoot().toPath().resolve("cxg.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putAttribute("encoding-type", "anndata");
            h5.putAttribute("encoding-version", "0.1.0");
            h5.putDataset("X", new float[][] {{0.5f, 0}, {0, 1.25f}});
            frame(h5, "obs", new String[] {"a", "b"}, "cell_type", new String[] {"T", "B"});
            frame(h5, "var", new String[] {"ENSG2", "ENSG3"}, "feature_name", new String[] {"CD3E", "LYZ"});
            WritableGroup raw = h5.putGroup("raw");
            raw.putAttribute("encoding-type", "raw");
            raw.putAttribute("encoding-version", "0.1.0");
            WritableGroup x = raw.putGroup("X");
            x.putAttribute("encoding-type", "csr_matrix");
            x.putAttribute("encoding-version", "0.1.0");
            x.putAttribute("shape", new long[] {2, 3});
            x.putDataset("data", new float[] {5, 1, 3});
            x.putDataset("indices", new int[] {0, 1, 2});
            x.putDataset("indptr", new int[] {0, 2, 3});
            frame(raw, "var", new String[] {"ENSG1", "ENSG2", "ENSG3"}, "feature_name",
                    new String[] {"MALAT1", "CD3E", "LYZ"});
        }
        Options o = Options.of("", "", GeneChoice.ALL.label(), 1, "feature_name", 0, "raw");
        DatasetInfo info = SingleCellRead.info(f, o);
        assertEquals(3, info.rawGenes());
        Table t = read(f, info, o, SingleCellRead.plan(info, o, false, null));
        assertArrayEquals(new String[] {"MALAT1", "CD3E", "LYZ"}, t.geneNames());
        double[] row = new double[3];
        t.genes(0, row);
        assertArrayEquals(new double[] {5, 1, 0}, row, 0);
        t.genes(1, row);
        assertArrayEquals(new double[] {0, 0, 3}, row, 0);
        assertMessage("cxg.h5ad has no layer 'counts'; it has X and raw (3 genes): choose one with 'Matrix'.",
                () -> SingleCellRead.info(f, Options.of("", "", GeneChoice.ALL.label(), 1, "", 0, "counts")));
    }

    /** A dataframe as anndata writes it: its index and one text column. */
    private static void frame(WritableGroup parent, String name, String[] index, String column, String[] values) {
        WritableGroup df = parent.putGroup(name);
        df.putAttribute("encoding-type", "dataframe");
        df.putAttribute("encoding-version", "0.2.0");
        df.putAttribute("_index", "_index");
        df.putAttribute("column-order", new String[] {column});
        df.putDataset("_index", index).putAttribute("encoding-type", "string-array");
        df.putDataset(column, values).putAttribute("encoding-type", "string-array");
    }
}
