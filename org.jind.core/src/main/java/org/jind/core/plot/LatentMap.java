package org.jind.core.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.JindModel;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.GeneratorNet;
import org.jind.core.nn.Scratch;
import org.jind.core.nn.Tensors;
import org.jind.core.random.Rng;
import org.jind.core.train.Batches;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * The latent map: a 2-D UMAP of source and target latent codes, drawn twice side by side, coloured by cell type
 * (source: the true type; target: the true type when known, else the prediction) and by batch. Built once
 * before alignment (the target through the source encoder) and once after (through the generator).
 */
public final class LatentMap {
    /** At most this many cells of each batch are embedded (a stratified sample beyond, said in the subtitle). */
    public static final int MAX_PER_BATCH = 10_000;
    private static final int LATENT = ClassifierNet.LATENT;

    private LatentMap() {
    }

    /**
     * What the map shows; small enough to keep in a KNIME node's internals (coordinates, not codes).
     *
     * @param xy row-major cells × 2 embedding coordinates
     * @param type per cell an index into {@code types}
     * @param target per cell whether it belongs to the target batch
     */
    public record Data(String name, String title, String note, String[] types, float[] xy, int[] type,
            boolean[] target) {
        public int cells() {
            return type.length;
        }
    }

    /** Latent codes of one batch with a type index per cell. */
    public record Codes(float[] codes, int[] type, int total) {
        public int cells() {
            return type.length;
        }
    }

    /** The model's stored source codes (already a stratified sample of at most 10,000). */
    public static Codes source(JindModel m) {
        int n = m.sourceCodeLabels == null ? 0 : m.sourceCodeLabels.length;
        Object total = m.provenance != null && m.provenance.has("sourceCells") ? m.provenance.get("sourceCells") : null;
        return new Codes(n == 0 ? new float[0] : m.sourceCodes, n == 0 ? new int[0] : m.sourceCodeLabels,
                total == null ? n : m.provenance.get("sourceCells").getAsInt());
    }

    /**
     * Latent codes of a prepared batch (a stratified sample of at most {@link #MAX_PER_BATCH} by {@code type}),
     * through the generator when given, else through the encoder.
     */
    public static Codes target(ClassifierNet net, GeneratorNet generator, SparseMatrix x, int[] type, int types,
            long seed) {
        int[] rows = org.jind.core.Jind.sampleStratified(type, types, MAX_PER_BATCH, new Rng(seed ^ 0x1A7E));
        SparseMatrix sample = x.selectRows(rows);
        float[] codes = new float[rows.length * LATENT];
        Batches b = new Batches(sample);
        try (Scratch scratch = new Scratch("latent-map")) {
            for (int from = 0; from < rows.length; from += 1024) {
                int n = Math.min(1024, rows.length - from);
                try (MemoryWorkspace ws = scratch.step()) {
                    var in = b.range(from, n);
                    float[] c = Tensors.toArray(generator != null ? generator.code(in) : net.encode(in));
                    System.arraycopy(c, 0, codes, from * LATENT, c.length);
                }
            }
        }
        int[] t = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = type[rows[i]];
        }
        return new Codes(codes, t, x.rows());
    }

    /** Embeds source and (optional) target codes together. */
    public static Data embed(String name, String title, String[] types, Codes source, Codes target, long seed) {
        int ns = source.cells();
        int nt = target == null ? 0 : target.cells();
        float[] all = new float[(ns + nt) * LATENT];
        System.arraycopy(source.codes(), 0, all, 0, ns * LATENT);
        int[] type = new int[ns + nt];
        boolean[] isTarget = new boolean[ns + nt];
        System.arraycopy(source.type(), 0, type, 0, ns);
        if (target != null) {
            System.arraycopy(target.codes(), 0, all, ns * LATENT, nt * LATENT);
            System.arraycopy(target.type(), 0, type, ns, nt);
            java.util.Arrays.fill(isTarget, ns, ns + nt, true);
        }
        float[] xy = Umap.embed(all, ns + nt, LATENT, seed);
        List<String> notes = new ArrayList<>();
        notes.add(shown("source", source));
        if (target != null) {
            notes.add(shown("target", target));
        }
        String note = "UMAP of the 256-dimensional latent codes; " + String.join("; ", notes);
        return new Data(name, title, note, types, xy, type, isTarget);
    }

    private static String shown(String batch, Codes c) {
        return c.cells() < c.total()
                ? String.format(Locale.ROOT, "%,d of %,d %s cells shown (stratified sample)", c.cells(), c.total(), batch)
                : String.format(Locale.ROOT, "%,d %s cells", c.cells(), batch);
    }

    public static Figure of(Data d) {
        XYSeriesCollection byType = new XYSeriesCollection();
        XYSeries[] typeSeries = new XYSeries[d.types().length];
        for (int c = 0; c < typeSeries.length; c++) {
            typeSeries[c] = new XYSeries(d.types()[c], false, true);
        }
        XYSeries source = new XYSeries("source batch", false, true);
        XYSeries target = new XYSeries("target batch", false, true);
        boolean anyTarget = false;
        for (int i = 0; i < d.cells(); i++) {
            double x = d.xy()[i * 2];
            double y = d.xy()[i * 2 + 1];
            typeSeries[d.type()[i]].add(x, y);
            (d.target()[i] ? target : source).add(x, y);
            anyTarget |= d.target()[i];
        }
        List<Color> typeColors = new ArrayList<>();
        for (int c = 0; c < typeSeries.length; c++) {
            if (typeSeries[c].getItemCount() > 0) {
                byType.addSeries(typeSeries[c]);
                typeColors.add(c == unassigned(d.types()) ? Palette.UNASSIGNED : Palette.category(c));
            }
        }
        XYSeriesCollection byBatch = new XYSeriesCollection(source);
        if (anyTarget) {
            byBatch.addSeries(target);
        }
        NumberAxis shared = axis("UMAP 2");
        CombinedRangeXYPlot plot = new CombinedRangeXYPlot(shared);
        plot.add(panel(byType, typeColors, "UMAP 1 (coloured by cell type)"), 1);
        plot.add(panel(byBatch, List.of(Palette.SOURCE, Palette.TARGET), "UMAP 1 (coloured by batch)"), 1);
        return new Figure(d.name(), Charts.chart(d.title(), plot, true, d.note()), 1200, 640);
    }

    private static int unassigned(String[] types) {
        for (int i = 0; i < types.length; i++) {
            if (org.jind.core.annotate.Annotation.UNASSIGNED_LABEL.equals(types[i])) {
                return i;
            }
        }
        return -1;
    }

    private static XYPlot panel(XYSeriesCollection data, List<Color> colors, String xLabel) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setDefaultShape(new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        r.setAutoPopulateSeriesShape(false);
        for (int i = 0; i < colors.size(); i++) {
            r.setSeriesPaint(i, colors.get(i));
        }
        XYPlot p = new XYPlot(data, axis(xLabel), null, r);
        Charts.style(p);
        return p;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setTickLabelsVisible(false); // UMAP coordinates have no unit
        a.setLabelFont(Charts.LABEL);
        return a;
    }
}
