package org.jind.knime.views;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.model.JindModel;
import org.jind.core.plot.Figure;
import org.jind.knime.logic.OutputColumn;
import org.jind.knime.logic.ResultTable;
import org.jind.knime.logic.ResultTables;

/**
 * Figures as one self-contained HTML document, for KNIME's web views (and any browser): one tab per figure,
 * switched by CSS alone (no script, nothing fetched), each figure as inline SVG that scales with the window, with
 * a hover title on every drawn point ({@link Figure#svgElement}).
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

    private static String figure(Figure f, String idPrefix) {
        return f.svgElement(idPrefix) + "\n";
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
