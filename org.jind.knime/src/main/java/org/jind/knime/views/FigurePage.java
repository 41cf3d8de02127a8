package org.jind.knime.views;

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
import org.jind.core.model.JindModel;
import org.jind.core.plot.Figure;
import org.jind.knime.logic.OutputColumn;
import org.jind.knime.logic.ResultTable;
import org.jind.knime.logic.ResultTables;

/**
 * Figures as one self-contained HTML document, for KNIME's web views (and any browser): one tab per figure,
 * switched by CSS alone (no script, nothing fetched), each figure as inline SVG that scales with the window. Every
 * drawn point (or heatmap cell) carries an SVG {@code <title>} — its series and the values its axes show, e.g. a
 * confidence point's type and confidence — which browsers show on hover.
 */
public final class FigurePage {
    private FigurePage() {
    }

    /** A page of {@code figures}, or only {@code empty} when there are none. */
    public static String of(String title, List<Figure> figures, String empty) {
        List<Tab> tabs = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            tabs.add(new Tab(figures.get(i).title(), figure(figures.get(i), "f" + i + "-")));
        }
        return page(title, tabs, empty);
    }

    /** The model port's page: the summary of {@link Views#modelSummary}, then {@link Views#modelFigures}. */
    public static String ofModel(JindModel m) {
        List<Tab> tabs = new ArrayList<>();
        tabs.add(new Tab("JIND model", "<p>" + escape(Views.modelSummary(m)) + "</p>\n"
                + table(ResultTables.validation(m))));
        List<Figure> figures = Views.modelFigures(m);
        for (int i = 0; i < figures.size(); i++) {
            tabs.add(new Tab(figures.get(i).title(), figure(figures.get(i), "f" + i + "-")));
        }
        return page("JIND model", tabs, "");
    }

    /** One tab: its label and its HTML content. */
    private record Tab(String title, String body) {
    }

    private static String page(String title, List<Tab> tabs, String empty) {
        StringBuilder css = new StringBuilder();
        StringBuilder head = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < tabs.size(); i++) {
            head.append("<input type=\"radio\" name=\"tab\" id=\"t").append(i).append('"')
                    .append(i == 0 ? " checked=\"checked\"" : "").append("/><label for=\"t").append(i).append("\">")
                    .append(escape(tabs.get(i).title())).append("</label>\n");
            body.append("<section id=\"s").append(i).append("\">\n").append(tabs.get(i).body()).append("</section>\n");
            css.append(i == 0 ? "" : ",").append("#t").append(i).append(":checked~#s").append(i);
        }
        String style = "body{font-family:sans-serif;margin:8px;color:#222}"
                + "input[name=tab]{display:none}"
                + "label{display:inline-block;padding:4px 10px;margin:0 2px 6px 0;border:1px solid #bbb;"
                + "border-radius:4px;cursor:pointer}"
                + "input:checked+label{background:#e8eef7;border-color:#5a7db5}"
                + "section{display:none}"
                + (tabs.isEmpty() ? "" : css + "{display:block}")
                + "svg{width:100%;height:auto;max-height:calc(100vh - 60px)}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
                + "th{background:#f2f2f2}";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>" + escape(title)
                + "</title>\n<style>" + style + "</style>\n</head>\n<body>\n"
                + (tabs.isEmpty() ? "<p>" + escape(empty) + "</p>\n" : head.toString() + body)
                + "</body>\n</html>\n";
    }

    /** The figure's SVG with a transparent hover target (and its title) over every drawn point. */
    static String figure(Figure f, String idPrefix) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        String svg = f.svgElement(idPrefix, info);
        StringBuilder tips = new StringBuilder("<g fill=\"#000\" fill-opacity=\"0\">\n");
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof XYItemEntity e) {
                Rectangle2D b = ((ChartEntity) e).getArea().getBounds2D();
                double w = Math.max(6, b.getWidth());
                double h = Math.max(6, b.getHeight());
                tips.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                        + "<title>%s</title></rect>\n", b.getCenterX() - w / 2, b.getCenterY() - h / 2, w, h,
                        escape(tip(f.chart().getPlot(), e))));
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

    /** A result table as HTML; numbers with four decimals, as the Swing view shows them. */
    static String table(ResultTable t) {
        StringBuilder sb = new StringBuilder("<table>\n<tr>");
        for (OutputColumn c : t.columns()) {
            sb.append("<th>").append(escape(c.name())).append("</th>");
        }
        sb.append("</tr>\n");
        for (ResultTable.Row r : t.rows()) {
            sb.append("<tr>");
            for (Object v : r.values()) {
                sb.append("<td>").append(escape(Views.cell(v))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }

    /** Text for HTML and XML content and attribute values. */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
