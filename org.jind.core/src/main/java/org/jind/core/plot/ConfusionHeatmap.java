package org.jind.core.plot;

import java.awt.Color;
import java.awt.Paint;
import java.util.Locale;

import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jind.core.eval.Metrics;

/**
 * The confusion matrix as a heatmap: true types down, predictions (with the Unassigned column) across, each cell
 * the fraction of that true type, printed in the cell and shaded from white (0) to dark blue (1).
 */
public final class ConfusionHeatmap {
    private ConfusionHeatmap() {
    }

    /**
     * What the heatmap shows; kept by the KNIME Scorer between execution and its view.
     *
     * @param fractions rows = true labels, columns = predicted columns, each row's fractions of that label's cells
     */
    public record Data(String[] trueLabels, String[] predictedColumns, double[][] fractions, int cells, double raw,
            double rej, double eff) {
        public static Data of(Metrics m) {
            return new Data(m.trueLabels(), m.predictedColumns(), m.confusion(), m.cells(), m.raw(), m.rej(), m.eff());
        }
    }

    public static Figure of(Data d) {
        int rows = d.trueLabels().length;
        int cols = d.predictedColumns().length;
        double[][] xyz = new double[3][rows * cols];
        XYPlot plot = new XYPlot();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                double v = d.fractions()[r][c];
                xyz[0][i] = c;
                xyz[1][i] = r;
                xyz[2][i] = v;
                XYTextAnnotation text = new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", v), c, r);
                text.setFont(Charts.TICK);
                text.setPaint(v > 0.5 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(text);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("fraction of the true type", xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(new Scale());
        plot.setDataset(data);
        plot.setRenderer(renderer);
        SymbolAxis x = Charts.symbols("prediction", d.predictedColumns());
        x.setVerticalTickLabels(cols > 6);
        SymbolAxis y = Charts.symbols("true cell type", d.trueLabels());
        y.setInverted(true); // first type on top, as a table reads
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        String sub = String.format(Locale.ROOT, "%d cells; each row sums to 1 over that type's cells; raw accuracy %.3f,"
                + " rejected %.3f, accuracy of the kept cells %.3f", d.cells(), d.raw(), d.rej(), d.eff());
        int side = Math.max(520, Math.min(1600, 140 + 60 * Math.max(rows, cols)));
        return new Figure("confusion", Charts.chart("Confusion matrix", plot, false, sub), side + 120, side);
    }

    /** Fraction 0..1 → white..dark blue ({@link Palette#sequential}). */
    static final class Scale implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double value) {
            return Palette.sequential(value);
        }
    }
}
