package org.jind.core.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
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

    /** Alignment curves from the aligner's epochs ({@code bestEpoch} 0 = the fresh generator, -1 = unaligned). */
    public static Figure alignment(List<Aligner.EpochRecord> history, int bestEpoch) {
        XYSeries g = new XYSeries("generator loss (G)");
        XYSeries d = new XYSeries("discriminator loss (D)");
        XYSeries rej = new XYSeries("target rejection (balanced epochs)");
        int balanced = 0;
        for (Aligner.EpochRecord e : history) {
            g.add(e.epoch(), e.lossG());
            d.add(e.epoch(), e.lossD());
            if (e.balanced()) {
                balanced++;
                if (!Double.isNaN(e.rejection())) {
                    rej.add(e.epoch(), e.rejection());
                }
            }
        }
        XYSeriesCollection losses = new XYSeriesCollection(g);
        losses.addSeries(d);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis());
        XYPlot lossPanel = panel(losses, "running loss", new Color(0xD62728), false);
        lossPanel.getRenderer().setSeriesPaint(1, new Color(0x9467BD));
        plot.add(lossPanel, 1);
        XYPlot rejPanel = panel(new XYSeriesCollection(rej), "target rejection", new Color(0x2CA02C), true);
        plot.add(rejPanel, 1);
        for (Aligner.EpochRecord e : history) {
            if (e.balanced()) {
                for (XYPlot p : List.of(lossPanel, rejPanel)) {
                    p.addDomainMarker(new IntervalMarker(e.epoch() - 0.5, e.epoch() + 0.5, BALANCED), Layer.BACKGROUND);
                }
            }
        }
        if (bestEpoch > 0) {
            lossPanel.addDomainMarker(best(bestEpoch));
            rejPanel.addDomainMarker(best(bestEpoch));
        }
        String kept = bestEpoch > 0 ? "the generator of epoch " + bestEpoch
                : bestEpoch == 0 ? "the fresh generator" : "the unaligned model";
        String sub = String.format(Locale.ROOT, "%d epochs, %d balanced (shaded); kept: %s", history.size(), balanced,
                kept);
        return new Figure("alignment", Charts.chart("Alignment", plot, true, sub), 800, 560);
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

    private static ValueMarker best(int epoch) {
        ValueMarker m = new ValueMarker(epoch, Color.DARK_GRAY, new java.awt.BasicStroke(1.2f,
                java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        return m;
    }
}
