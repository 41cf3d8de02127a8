package org.jind.core.plot;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;

/**
 * Hover titles for a figure's SVG: every drawn point (or heatmap cell) gets a transparent target carrying an SVG
 * {@code <title>} — its series and the values its axes show, e.g. a confidence point's type and confidence — which
 * browsers show on hover.
 */
final class HoverTitles {
    private HoverTitles() {
    }

    /** {@code svg} with a transparent hover target (and its title) over every point that {@code info} saw drawn. */
    static String add(String svg, Plot chartPlot, ChartRenderingInfo info) {
        StringBuilder tips = new StringBuilder("<g fill=\"#000\" fill-opacity=\"0\">\n");
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e) {
                Rectangle2D b = ((ChartEntity) e).getArea().getBounds2D();
                double w = Math.max(6, b.getWidth());
                double h = Math.max(6, b.getHeight());
                tips.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                        + "<title>%s</title></rect>\n", b.getCenterX() - w / 2, b.getCenterY() - h / 2, w, h,
                        escape(tip(chartPlot, e))));
            }
        }
        tips.append("</g>\n");
        int end = svg.lastIndexOf("</svg>");
        return svg.substring(0, end) + tips + svg.substring(end) + "\n";
    }

    /**
     * What a point shows: its series (a cell type, a batch, a curve), then what each axis with readable values says
     * of it (a type name, a confidence, an epoch and loss), then a heatmap cell's value.
     */
    static String tip(Plot chartPlot, XYItemEntity e) {
        XYDataset d = e.getDataset();
        int s = e.getSeriesIndex();
        int i = e.getItem();
        XYPlot plot = plotOf(chartPlot, d);
        String key = String.valueOf(d.getSeriesKey(s));
        List<String> parts = new ArrayList<>();
        if (!(d instanceof XYZDataset)) {
            parts.add(key);
        }
        int index = plot == null ? -1 : plot.indexOf(d);
        if (index >= 0) {
            axis(plot.getDomainAxisForDataset(index), d.getXValue(s, i), key, parts);
            axis(plot.getRangeAxisForDataset(index), d.getYValue(s, i), key, parts);
        }
        if (d instanceof XYZDataset z) {
            parts.add(key + ": " + number(z.getZValue(s, i)));
        }
        return String.join("; ", parts);
    }

    private static void axis(ValueAxis a, double v, String key, List<String> parts) {
        if (a instanceof SymbolAxis sa) {
            int k = (int) Math.round(v);
            String[] symbols = sa.getSymbols();
            if (k >= 0 && k < symbols.length && !symbols[k].equals(key)) {
                parts.add(sa.getLabel() + ": " + symbols[k]);
            }
        } else if (a != null && a.isTickLabelsVisible() && !Double.isNaN(v)) {
            parts.add(a.getLabel() + ": " + number(v));
        }
    }

    /** The (sub)plot drawing {@code d}. */
    private static XYPlot plotOf(Plot p, XYDataset d) {
        List<XYPlot> plots = p instanceof CombinedRangeXYPlot c ? c.getSubplots()
                : p instanceof CombinedDomainXYPlot c ? c.getSubplots()
                : p instanceof XYPlot x ? List.of(x) : List.of();
        for (XYPlot x : plots) {
            if (x.indexOf(d) >= 0) {
                return x; // a subplot answers with its parent's axis for a shared one
            }
        }
        return null;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4g", v);
    }

    /** Text for XML content. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
