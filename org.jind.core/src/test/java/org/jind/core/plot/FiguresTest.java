package org.jind.core.plot;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jind.core.align.Aligner;
import org.jind.core.model.EpochRecord;
import org.jind.core.random.Rng;
import org.junit.BeforeClass;
import org.junit.Test;
import org.w3c.dom.Document;

/**
 * Each figure from simulated data, checked for what it must show: heatmap colours follow the values, one colour
 * per type on the latent map, one point per epoch on the curves, well-formed SVG, the same bytes for the same
 * input and seed. With {@code -Djind.figures.dir=DIR} the PNGs are also written there to be looked at.
 */
public class FiguresTest {
    @BeforeClass
    public static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static void keep(Figure f) throws IOException {
        keep("simulated-", f);
    }

    static void keep(String prefix, Figure f) throws IOException {
        String dir = System.getProperty("jind.figures.dir");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, prefix + f.name() + ".png"), f.png());
        }
    }

    static void assertWellFormedSvg(Figure f) throws Exception {
        String svg = f.svg();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertTrue("the SVG draws something", doc.getElementsByTagName("path").getLength()
                + doc.getElementsByTagName("rect").getLength() > 10);
    }

    private static ConfusionHeatmap.Data confusion() {
        String[] truth = {"B cell", "T cell", "NK cell"};
        String[] cols = {"B cell", "NK cell", "T cell", "Unassigned"};
        double[][] f = {{0.90, 0.02, 0.03, 0.05}, {0.10, 0.15, 0.70, 0.05}, {0.00, 0.55, 0.25, 0.20}};
        return new ConfusionHeatmap.Data(truth, cols, f, 300, 0.8, 0.1, 0.85);
    }

    @Test
    public void heatmapColoursFollowTheValues() throws Exception {
        ConfusionHeatmap.Data d = confusion();
        Figure fig = ConfusionHeatmap.of(d);
        BufferedImage img = new BufferedImage(fig.width(), fig.height(), BufferedImage.TYPE_INT_RGB);
        ChartRenderingInfo info = new ChartRenderingInfo();
        Graphics2D g = img.createGraphics();
        fig.chart().draw(g, new Rectangle2D.Double(0, 0, fig.width(), fig.height()), info);
        g.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = fig.chart().getXYPlot();
        List<double[]> valueAndDarkness = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                double x = plot.getDomainAxis().valueToJava2D(c + 0.35, area, RectangleEdge.BOTTOM); // beside the text
                double y = plot.getRangeAxis().valueToJava2D(r + 0.3, area, RectangleEdge.LEFT);
                Color px = new Color(img.getRGB((int) x, (int) y));
                Color expected = Palette.sequential(d.fractions()[r][c]);
                assertEquals("cell " + r + "," + c, expected.getRGB(), px.getRGB());
                valueAndDarkness.add(new double[] {d.fractions()[r][c], 765 - px.getRed() - px.getGreen() - px.getBlue()});
            }
        }
        for (double[] a : valueAndDarkness) {
            for (double[] b : valueAndDarkness) {
                if (a[0] > b[0]) {
                    assertTrue(a[0] + " darker than " + b[0], a[1] > b[1]);
                }
            }
        }
        assertWellFormedSvg(fig);
        keep(fig);
    }

    @Test
    public void trainingCurvesHaveOnePointPerEpoch() throws Exception {
        List<EpochRecord> h = new ArrayList<>();
        for (int e = 1; e <= 13; e++) {
            h.add(new EpochRecord(e, 1.5 * Math.exp(-e / 4.0) + 0.1, 0.6 + 0.35 * (1 - Math.exp(-e / 3.0)), 1e-3));
        }
        Figure fig = Curves.training("training", "Training", h, 11);
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) fig.chart().getPlot();
        assertEquals(2, plot.getSubplots().size());
        for (XYPlot p : plot.getSubplots()) {
            assertEquals(13, p.getDataset().getItemCount(0));
        }
        assertEquals(h.get(4).trainLoss(), plot.getSubplots().get(0).getDataset().getYValue(0, 4), 0);
        assertEquals(h.get(12).validationAccuracy(), plot.getSubplots().get(1).getDataset().getYValue(0, 12), 0);
        assertWellFormedSvg(fig);
        keep(fig);
    }

    @Test
    public void alignmentCurvesHaveOnePointPerEpochAndRejectionPerBalancedEpoch() throws Exception {
        List<Aligner.EpochRecord> h = new ArrayList<>();
        Rng rng = new Rng(3);
        int balanced = 0;
        for (int e = 1; e <= 9; e++) {
            boolean b = e >= 3 && e != 6;
            balanced += b ? 1 : 0;
            h.add(new Aligner.EpochRecord(e, 0.7 + 0.1 * rng.nextDouble(), 0.69 + 0.05 * rng.nextDouble(), b,
                    b ? 0.2 - 0.01 * e : Double.NaN, 0));
        }
        Figure fig = Curves.alignment(new Curves.AlignmentData(h, 7, 0.31, 0.4));
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) fig.chart().getPlot();
        XYPlot losses = plot.getSubplots().get(0);
        assertEquals(2, losses.getDataset().getSeriesCount());
        assertEquals(9, losses.getDataset().getItemCount(0));
        assertEquals(9, losses.getDataset().getItemCount(1));
        XYPlot rejection = plot.getSubplots().get(1);
        assertEquals(balanced, rejection.getDataset().getItemCount(0));
        // the fresh generator, the first candidate, at epoch 0; the unaligned model's rejection as a line
        assertEquals(1, rejection.getDataset().getItemCount(1));
        assertEquals(0, rejection.getDataset().getXValue(1, 0), 0);
        assertEquals(0.31, rejection.getDataset().getYValue(1, 0), 0);
        assertEquals(0.4, ((ValueMarker) rejection.getRangeMarkers(Layer.FOREGROUND).iterator().next()).getValue(), 0);
        // the axis spans the rejections (0.11 to 0.4) with margins, in steps of 5 points
        assertEquals(0.081, rejection.getRangeAxis().getLowerBound(), 1e-9);
        assertEquals(0.429, rejection.getRangeAxis().getUpperBound(), 1e-9);
        assertEquals(0.05, ((NumberAxis) rejection.getRangeAxis()).getTickUnit().getSize(), 0);
        assertEquals(List.of("10%", "15%", "20%", "25%", "30%", "35%", "40%"), tickLabels(fig, rejection));
        assertTrue(fig.svg().contains("fresh generator (epoch 0)"));
        assertTrue(fig.svg().contains(Curves.UNALIGNED));
        assertWellFormedSvg(fig);
        keep(fig);
    }

    /**
     * One balanced epoch (PBMC 3pv2 to 5p, seed 0, keeps the fresh generator): the rejection axis has a readable
     * range with distinct ticks instead of JFreeChart's sliver around the single value, and the kept candidate is
     * on the chart at epoch 0, marked.
     */
    @Test
    public void alignmentWithOneBalancedEpochShowsTheFreshGeneratorOnAReadableAxis() throws Exception {
        List<Aligner.EpochRecord> h = new ArrayList<>();
        for (int e = 1; e <= 4; e++) {
            h.add(new Aligner.EpochRecord(e, 0.72 - 0.01 * e, 0.69, e == 4, e == 4 ? 0.1166667 : Double.NaN, 0));
        }
        Figure fig = Curves.alignment(new Curves.AlignmentData(h, 0, 0.1133333, 0.1150000));
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) fig.chart().getPlot();
        XYPlot rejection = plot.getSubplots().get(1);
        assertEquals(1, rejection.getDataset().getItemCount(0));
        assertEquals(0.1133333, rejection.getDataset().getYValue(1, 0), 0);
        NumberAxis axis = (NumberAxis) rejection.getRangeAxis();
        // 0.1133 to 0.1167 padded by 1 point each side, then widened to the 5-point minimum around its centre
        assertEquals(0.09, axis.getLowerBound(), 1e-9);
        assertEquals(0.14, axis.getUpperBound(), 1e-9);
        List<String> ticks = tickLabels(fig, rejection);
        assertEquals(List.of("9%", "10%", "11%", "12%", "13%", "14%"), ticks);
        assertEquals(ticks.size(), new HashSet<>(ticks).size());
        // kept: the fresh generator, a dashed line at epoch 0 in both panels
        for (XYPlot p : plot.getSubplots()) {
            assertTrue(p.getDomainMarkers(Layer.FOREGROUND).stream()
                    .anyMatch(m -> m instanceof ValueMarker v && v.getValue() == 0));
        }
        String svg = fig.svg();
        assertTrue(svg.contains("kept: the fresh generator (epoch 0)"));
        assertTrue(svg.contains("fresh generator (epoch 0)"));
        assertTrue("no tick repeats one value in scientific notation", !svg.contains("E-1"));
        assertWellFormedSvg(fig);
        keep("one-balanced-", fig);
    }

    /** A model file written before the fresh generator's rejection was recorded draws without it. */
    @Test
    public void alignmentWithoutTheRejectionsBeforeEpochOneDrawsTheEpochs() throws Exception {
        List<Aligner.EpochRecord> h = List.of(new Aligner.EpochRecord(1, 0.7, 0.69, true, 0.25, 0));
        Figure fig = Curves.alignment(new Curves.AlignmentData(h, 1, Double.NaN, Double.NaN));
        XYPlot rejection = ((CombinedDomainXYPlot) fig.chart().getPlot()).getSubplots().get(1);
        assertEquals(0, rejection.getDataset().getItemCount(1));
        assertTrue(rejection.getRangeMarkers(Layer.FOREGROUND) == null
                || rejection.getRangeMarkers(Layer.FOREGROUND).isEmpty());
        assertEquals(0.225, rejection.getRangeAxis().getLowerBound(), 1e-9);
        assertEquals(0.275, rejection.getRangeAxis().getUpperBound(), 1e-9);
        assertWellFormedSvg(fig);
    }

    /** The tick labels the axis of {@code panel} draws in the figure at its size, bottom to top. */
    static List<String> tickLabels(Figure fig, XYPlot panel) {
        BufferedImage img = new BufferedImage(fig.width(), fig.height(), BufferedImage.TYPE_INT_RGB);
        ChartRenderingInfo info = new ChartRenderingInfo();
        Graphics2D g = img.createGraphics();
        fig.chart().draw(g, new Rectangle2D.Double(0, 0, fig.width(), fig.height()), info);
        Rectangle2D area = info.getPlotInfo().getSubplotInfo(1).getDataArea();
        NumberAxis axis = (NumberAxis) panel.getRangeAxis();
        List<String> out = new ArrayList<>();
        for (Object t : axis.refreshTicks(g, new org.jfree.chart.axis.AxisState(), area, RectangleEdge.LEFT)) {
            out.add(((org.jfree.chart.axis.ValueTick) t).getText());
        }
        g.dispose();
        return out;
    }

    /** Clusters in 256 dimensions, one per type, the target shifted (a batch effect). */
    static LatentMap.Codes clusters(int perType, int types, double shift, long seed) {
        Rng rng = new Rng(seed);
        float[][] centres = new float[types][256];
        Rng c = new Rng(99);
        for (float[] centre : centres) {
            for (int j = 0; j < 256; j++) {
                centre[j] = c.gaussian() * 2;
            }
        }
        int n = perType * types;
        float[] codes = new float[n * 256];
        int[] type = new int[n];
        for (int i = 0; i < n; i++) {
            type[i] = i % types;
            for (int j = 0; j < 256; j++) {
                codes[i * 256 + j] = centres[type[i]][j] + rng.gaussian() + (float) (j < 20 ? shift : 0);
            }
        }
        return new LatentMap.Codes(codes, type, n);
    }

    @Test
    public void latentMapHasOneColourPerTypeAndSeparatesTheTypes() throws Exception {
        String[] types = {"B", "T", "NK", "Mono", "DC"};
        LatentMap.Data d = LatentMap.embed("latent-test", "Latent map", types, clusters(120, 5, 0, 1),
                clusters(80, 5, 1.5, 2), 7);
        assertEquals(1000, d.cells());
        // the embedding keeps the types apart: a cell's nearest neighbour on the map is almost always of its type
        int agree = 0;
        for (int i = 0; i < d.cells(); i++) {
            int best = -1;
            double bd = Double.MAX_VALUE;
            for (int j = 0; j < d.cells(); j++) {
                double dx = d.xy()[2 * i] - d.xy()[2 * j];
                double dy = d.xy()[2 * i + 1] - d.xy()[2 * j + 1];
                if (j != i && dx * dx + dy * dy < bd) {
                    bd = dx * dx + dy * dy;
                    best = j;
                }
            }
            agree += d.type()[best] == d.type()[i] ? 1 : 0;
        }
        assertTrue("nearest neighbour of the same type: " + agree, agree > 950);

        Figure fig = LatentMap.of(d);
        XYPlot byType = ((CombinedRangeXYPlot) fig.chart().getPlot()).getSubplots().get(0);
        assertEquals(5, byType.getDataset().getSeriesCount());
        Set<Paint> paints = new HashSet<>();
        for (int s = 0; s < 5; s++) {
            paints.add(byType.getRenderer().getSeriesPaint(s));
        }
        assertEquals("one colour per type", 5, paints.size());
        BufferedImage img = new BufferedImage(fig.width(), fig.height(), BufferedImage.TYPE_INT_RGB);
        ChartRenderingInfo info = new ChartRenderingInfo();
        Graphics2D g = img.createGraphics();
        fig.chart().draw(g, new Rectangle2D.Double(0, 0, fig.width(), fig.height()), info);
        g.dispose();
        // marker colours: coloured (not grey) pixel values that fill many pixels of the by-type panel; blends at
        // marker edges are spread over many values with few pixels each
        Rectangle2D area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int y = (int) area.getMinY() + 1; y < area.getMaxY() - 1; y++) {
            for (int x = (int) area.getMinX() + 1; x < area.getMaxX() - 1; x++) {
                counts.merge(img.getRGB(x, y), 1, Integer::sum);
            }
        }
        Set<Integer> markerColours = new HashSet<>();
        counts.forEach((rgb, count) -> {
            float[] hsb = Color.RGBtoHSB((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, null);
            if (count >= 40 && hsb[1] > 0.2f) {
                markerColours.add(rgb | 0xFF000000);
            }
        });
        Set<Integer> expected = new HashSet<>();
        paints.forEach(p -> expected.add(((Color) p).getRGB()));
        assertEquals("one colour per type", expected, markerColours);
        assertWellFormedSvg(fig);
        keep(fig);
    }

    @Test
    public void sameInputAndSeedGiveTheSamePng() {
        String[] types = {"a", "b", "c"};
        LatentMap.Data a = LatentMap.embed("m", "t", types, clusters(60, 3, 0, 4), clusters(40, 3, 1, 5), 11);
        LatentMap.Data b = LatentMap.embed("m", "t", types, clusters(60, 3, 0, 4), clusters(40, 3, 1, 5), 11);
        assertArrayEquals(a.xy(), b.xy(), 0f);
        assertArrayEquals(LatentMap.of(a).png(), LatentMap.of(b).png());
        assertArrayEquals(ConfusionHeatmap.of(confusion()).png(), ConfusionHeatmap.of(confusion()).png());
        assertEquals(ConfusionHeatmap.of(confusion()).svg(), ConfusionHeatmap.of(confusion()).svg());
    }

    @Test
    public void confidenceShowsEveryCellByTypeWithItsThreshold() throws Exception {
        String[] classes = {"B", "T", "NK"};
        Rng rng = new Rng(5);
        int n = 2 * ConfidencePlot.MAX_PER_TYPE + 600;
        int[] type = new int[n];
        float[] conf = new float[n];
        for (int i = 0; i < n; i++) {
            type[i] = i < 2 * ConfidencePlot.MAX_PER_TYPE ? 0 : 1 + i % 2; // type 0 over the cap
            conf[i] = (float) (0.4 + 0.6 * Math.sqrt(rng.nextDouble()));
        }
        double[] t = {0.55, 0.7, 0.9};
        Figure fig = ConfidencePlot.of("confidence", "test cells", classes, type, conf, t, 0.05, 1);
        XYPlot plot = fig.chart().getXYPlot();
        assertEquals(ConfidencePlot.MAX_PER_TYPE, plot.getDataset().getItemCount(0));
        int t1 = 0;
        for (int v : type) {
            t1 += v == 1 ? 1 : 0;
        }
        assertEquals(300, t1);
        assertEquals(t1, plot.getDataset().getItemCount(1));
        assertEquals(3, plot.getAnnotations().size());
        assertTrue(fig.chart().getSubtitle(1).toString() != null);
        for (int i = 0; i < plot.getDataset().getItemCount(2); i++) {
            assertEquals(2, plot.getDataset().getXValue(2, i), 0.31); // jittered around its type
        }
        assertWellFormedSvg(fig);
        keep(fig);
    }

    @Test
    public void figureDataSurviveTheStoreWithNaN() throws Exception {
        Path dir = Files.createTempDirectory("figure-store");
        try {
            ConfusionHeatmap.Data d = confusion();
            ConfusionHeatmap.Data allRejected = new ConfusionHeatmap.Data(d.trueLabels(), d.predictedColumns(),
                    d.fractions(), d.cells(), d.raw(), 1.0, Double.NaN);
            FigureStore.write(dir.resolve("c.json"), allRejected);
            ConfusionHeatmap.Data back = FigureStore.read(dir.resolve("c.json"), ConfusionHeatmap.Data.class);
            assertArrayEquals(allRejected.trueLabels(), back.trueLabels());
            assertArrayEquals(allRejected.fractions()[1], back.fractions()[1], 0);
            assertTrue(Double.isNaN(back.eff()));
            assertArrayEquals(ConfusionHeatmap.of(allRejected).png(), ConfusionHeatmap.of(back).png());
            assertEquals(null, FigureStore.read(dir.resolve("absent.json"), ConfusionHeatmap.Data.class));
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.delete(dir);
        }
    }
}
