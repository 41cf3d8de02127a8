package org.jind.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jind.core.align.Aligner;
import org.jind.core.model.EpochRecord;

/**
 * Histories as curves, one point per epoch: classifier training and self-training (loss, validation accuracy)
 * and alignment (generator and discriminator losses, balanced epochs shaded, target rejection where scored).
 */
public final class Curves {
    private static final Color BALANCED = new Color(0xE3F2E3);
    static final double MIN_FRACTION_SPAN = 0.05;
    static final String UNALIGNED = "unaligned model (line)";

    private Curves() {
    }

    /**
     * Training or self-training curves.
     *
     * @param name file name ("training", "selftraining")
     * @param bestEpoch the epoch whose weights were kept (marked), or 0 when unknown
     */
    public static Figure training(String name, String title, List<EpochRecord> history, int bestEpoch) {
        XYSeries loss = new XYSeries("training loss");
        XYSeries acc = new XYSeries("validation accuracy");
        for (EpochRecord e : history) {
            loss.add(e.epoch(), e.trainLoss());
            acc.add(e.epoch(), e.validationAccuracy());
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis());
        plot.add(panel(new XYSeriesCollection(loss), "loss", new Color(0xD62728), false), 1);
        XYPlot accPanel = panel(new XYSeriesCollection(acc), "validation accuracy", new Color(0x1F77B4), false);
        plot.add(accPanel, 1);
        if (bestEpoch > 0) {
            plot.getSubplots().forEach(p -> p.addDomainMarker(best(bestEpoch)));
        }
        String sub = history.size() + " epochs" + (bestEpoch > 0 ? "; dashed line: the epoch whose weights were kept" : "");
        return new Figure(name, Charts.chart(title, plot, true, sub), 800, 560);
    }

    /**
     * What the alignment curves show: the aligner's epochs, the candidate kept ({@code bestEpoch} 0 = the fresh
     * generator, -1 = the unaligned model), and the two rejections measured before epoch 1 (NaN when not known,
     * e.g. in a model file written before they were recorded): the fresh generator's, the first candidate, and the
     * unaligned model's.
     */
    public record AlignmentData(List<Aligner.EpochRecord> history, int bestEpoch, double freshRejection,
            double unalignedRejection) {

        public static AlignmentData of(Aligner.Result r) {
            return new AlignmentData(r.history(), r.bestEpoch(), r.freshRejection(), r.unalignedRejection());
        }
    }

    /** Alignment curves: losses per epoch, target rejection per balanced epoch and of the fresh generator. */
    public static Figure alignment(AlignmentData data) {
        XYSeries g = new XYSeries("generator loss (G)");
        XYSeries d = new XYSeries("discriminator loss (D)");
        XYSeries rej = new XYSeries("target rejection (balanced epochs)");
        XYSeries fresh = new XYSeries("fresh generator (epoch 0)");
        int balanced = 0;
        for (Aligner.EpochRecord e : data.history()) {
            g.add(e.epoch(), e.lossG());
            d.add(e.epoch(), e.lossD());
            if (e.balanced()) {
                balanced++;
                if (!Double.isNaN(e.rejection())) {
                    rej.add(e.epoch(), e.rejection());
                }
            }
        }
        if (!Double.isNaN(data.freshRejection())) {
            fresh.add(0, data.freshRejection());
        }
        XYSeriesCollection losses = new XYSeriesCollection(g);
        losses.addSeries(d);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis());
        XYPlot lossPanel = panel(losses, "running loss", new Color(0xD62728), false);
        lossPanel.getRenderer().setSeriesPaint(1, new Color(0x9467BD));
        plot.add(lossPanel, 1);
        XYSeriesCollection rejections = new XYSeriesCollection(rej);
        rejections.addSeries(fresh);
        XYPlot rejPanel = panel(rejections, "target rejection", new Color(0x2CA02C), true);
        XYLineAndShapeRenderer rejRenderer = (XYLineAndShapeRenderer) rejPanel.getRenderer();
        rejRenderer.setSeriesPaint(1, Color.BLACK);
        rejRenderer.setSeriesShape(1, new Rectangle2D.Double(-4, -4, 8, 8));
        rejPanel.setRangeAxis(fractionAxis("target rejection", rejections, data.unalignedRejection()));
        plot.add(rejPanel, 1);
        for (Aligner.EpochRecord e : data.history()) {
            if (e.balanced()) {
                for (XYPlot p : List.of(lossPanel, rejPanel)) {
                    p.addDomainMarker(new IntervalMarker(e.epoch() - 0.5, e.epoch() + 0.5, BALANCED), Layer.BACKGROUND);
                }
            }
        }
        // half an epoch either side, so that the points at epoch 0 and at the last epoch are whole
        int last = data.history().isEmpty() ? 1 : data.history().get(data.history().size() - 1).epoch();
        plot.getDomainAxis().setRange(Double.isNaN(data.freshRejection()) ? 0.5 : -0.5, last + 0.5);
        int bestEpoch = data.bestEpoch();
        if (bestEpoch >= 0) {
            lossPanel.addDomainMarker(best(bestEpoch));
            rejPanel.addDomainMarker(best(bestEpoch));
        }
        if (!Double.isNaN(data.unalignedRejection())) {
            ValueMarker unaligned = bestEpoch < 0 ? best(data.unalignedRejection())
                    : new ValueMarker(data.unalignedRejection(), Color.GRAY, new BasicStroke(1f));
            rejPanel.addRangeMarker(unaligned);
            // named in the legend, where a label on the line could cover a point
            LegendItemCollection legend = plot.getLegendItems();
            legend.add(new LegendItem(UNALIGNED, null, null, null, new Line2D.Double(-7, 0, 7, 0),
                    unaligned.getStroke(), unaligned.getPaint()));
            plot.setFixedLegendItems(legend);
        }
        String kept = bestEpoch > 0 ? "the generator of epoch " + bestEpoch
                : bestEpoch == 0 ? "the fresh generator (epoch 0)" : "the unaligned model";
        String sub = String.format(Locale.ROOT, "%d epochs, %d balanced (shaded); kept: %s (dashed)",
                data.history().size(), balanced, kept);
        return new Figure("alignment", Charts.chart("Alignment", plot, true, sub), 800, 560);
    }

    /**
     * An axis for fractions (a rejection) in per cent, spanning what it shows and at least 5 points, within 0 to
     * 1: JFreeChart's automatic range around a single value is a sliver whose ten ticks all read the same number.
     */
    static NumberAxis fractionAxis(String label, XYSeriesCollection data, double... extra) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                lo = Math.min(lo, data.getYValue(s, i));
                hi = Math.max(hi, data.getYValue(s, i));
            }
        }
        for (double v : extra) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) { // nothing to show
            lo = 0;
            hi = 1;
        }
        double pad = Math.max(0.1 * (hi - lo), 0.01);
        lo -= pad;
        hi += pad;
        double widen = Math.max(0, MIN_FRACTION_SPAN - (hi - lo)) / 2;
        lo -= widen;
        hi += widen;
        if (lo < 0) {
            hi = Math.min(1, hi - lo);
            lo = 0;
        }
        if (hi > 1) {
            lo = Math.max(0, lo - (hi - 1));
            hi = 1;
        }
        double span = hi - lo;
        double unit = span <= 0.1 ? 0.01 : span <= 0.2 ? 0.02 : span <= 0.5 ? 0.05 : 0.1;
        NumberAxis a = new NumberAxis(label);
        a.setLabelFont(Charts.LABEL);
        a.setTickLabelFont(Charts.TICK);
        a.setRange(lo, hi);
        a.setTickUnit(new NumberTickUnit(unit, new DecimalFormat("0%", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        return a;
    }

    private static NumberAxis epochAxis() {
        NumberAxis a = new NumberAxis("epoch");
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setLabelFont(Charts.LABEL);
        a.setTickLabelFont(Charts.TICK);
        return a;
    }

    private static XYPlot panel(XYSeriesCollection data, String label, Color color, boolean pointsOnly) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(!pointsOnly, true);
        r.setDefaultShape(new Ellipse2D.Double(-3, -3, 6, 6));
        r.setAutoPopulateSeriesShape(false);
        r.setSeriesPaint(0, color);
        r.setDefaultStroke(Charts.LINE);
        r.setAutoPopulateSeriesStroke(false);
        NumberAxis y = new NumberAxis(label);
        y.setAutoRangeIncludesZero(false);
        y.setLabelFont(Charts.LABEL);
        y.setTickLabelFont(Charts.TICK);
        XYPlot p = new XYPlot(data, null, y, r);
        Charts.style(p);
        return p;
    }

    /** The dashed line that marks what was kept (an epoch, or the unaligned model's rejection). */
    private static ValueMarker best(double value) {
        return new ValueMarker(value, Color.DARK_GRAY, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
    }
}
