package org.jind.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Locale;

import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jind.core.annotate.Annotation;
import org.jind.core.annotate.Probabilities;
import org.jind.core.model.ValidationStats;
import org.jind.core.random.Rng;

/**
 * Per-type confidence: each cell a point at its predicted type (jittered sideways), at the height of its
 * confidence; a red bar marks that type's rejection threshold, so the points under it are the rejected cells.
 */
public final class ConfidencePlot {
    /** At most this many points per type are drawn (a stratified sample beyond, said in the subtitle). */
    public static final int MAX_PER_TYPE = 1500;
    private static final Color THRESHOLD = new Color(0xD62728);

    private ConfidencePlot() {
    }

    /**
     * @param type per cell its arg-max type (index into {@code classes})
     * @param what what the cells are, for the subtitle ("source validation cells", "target cells")
     */
    public static Figure of(String name, String what, String[] classes, int[] type, float[] confidence,
            double[] thresholds, double theta, long seed) {
        int k = classes.length;
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries[] series = new XYSeries[k];
        int[] counts = new int[k];
        for (int c = 0; c < k; c++) {
            series[c] = new XYSeries(classes[c], false, true);
            data.addSeries(series[c]);
        }
        for (int t : type) {
            counts[t]++;
        }
        Rng rng = new Rng(seed);
        int shownTotal = 0;
        boolean sampled = false;
        for (int c = 0; c < k; c++) {
            int[] members = members(type, c, counts[c]);
            if (members.length > MAX_PER_TYPE) {
                rng.shuffle(members);
                sampled = true;
            }
            int show = Math.min(MAX_PER_TYPE, members.length);
            for (int i = 0; i < show; i++) {
                series[c].add(c + (rng.nextDouble() - 0.5) * 0.6, confidence[members[i]]);
            }
            shownTotal += show;
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setDefaultShape(new Ellipse2D.Double(-2, -2, 4, 4));
        r.setAutoPopulateSeriesShape(false);
        for (int c = 0; c < k; c++) {
            r.setSeriesPaint(c, Palette.category(c));
        }
        SymbolAxis x = Charts.symbols("predicted cell type (arg-max)", classes);
        x.setVerticalTickLabels(k > 6);
        NumberAxis y = new NumberAxis("confidence (highest probability)");
        y.setRange(0, 1.02);
        y.setLabelFont(Charts.LABEL);
        y.setTickLabelFont(Charts.TICK);
        XYPlot plot = new XYPlot(data, x, y, r);
        Charts.style(plot);
        BasicStroke bar = new BasicStroke(3f);
        for (int c = 0; c < k; c++) {
            plot.addAnnotation(new XYLineAnnotation(c - 0.42, thresholds[c], c + 0.42, thresholds[c], bar, THRESHOLD));
        }
        String sub = String.format(Locale.ROOT, "%s by predicted type; red bar: the type's rejection threshold at"
                + " θ = %s (cells below it are Unassigned)", what, trim(theta));
        String sample = sampled ? String.format(Locale.ROOT, "%d of %d cells shown (at most %d per type, sampled"
                + " at random per type)", shownTotal, type.length, MAX_PER_TYPE) : type.length + " cells";
        return new Figure(name, Charts.chart("Confidence per cell type", plot, false, sub, sample),
                Math.max(720, Math.min(1800, 200 + 55 * k)), 560);
    }

    /** Source validation cells (what the thresholds are computed from). */
    public static Figure validation(String[] classes, ValidationStats v, double[] thresholds, double theta, long seed) {
        int k = v.classes();
        int[] type = new int[v.cells()];
        float[] conf = new float[v.cells()];
        for (int i = 0; i < type.length; i++) {
            type[i] = Probabilities.argmax(v.probabilities(), k, i);
            conf[i] = v.probabilities()[i * k + type[i]];
        }
        return of("confidence-validation", "source validation cells", classes, type, conf, thresholds, theta, seed);
    }

    /** An annotated batch. */
    public static Figure batch(Annotation a, double[] thresholds, double theta, long seed) {
        return of("confidence", "cells of the batch", a.classes(), a.raw(), a.confidence(), thresholds, theta, seed);
    }

    private static int[] members(int[] type, int c, int count) {
        int[] m = new int[count];
        int n = 0;
        for (int i = 0; i < type.length; i++) {
            if (type[i] == c) {
                m[n++] = i;
            }
        }
        return m;
    }

    static String trim(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
