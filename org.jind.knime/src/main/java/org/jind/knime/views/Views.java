package org.jind.knime.views;

import java.awt.BorderLayout;
import java.util.List;
import java.util.Locale;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableModel;

import org.jind.core.model.JindModel;
import org.jind.core.plot.Figure;
import org.jind.core.plot.ModelFigures;
import org.jind.knime.logic.OutputColumn;
import org.jind.knime.logic.ResultTable;
import org.jind.knime.logic.ResultTables;

/** Swing components built from figures and result tables, for the port view and the node views. */
public final class Views {
    private Views() {
    }

    /** One tab per figure, titled by the figure's chart title. */
    public static JComponent tabs(List<Figure> figures, String empty) {
        if (figures.isEmpty()) {
            return message(empty);
        }
        JTabbedPane tabs = new JTabbedPane();
        for (Figure f : figures) {
            tabs.addTab(f.title(), new FigurePanel(f));
        }
        return tabs;
    }

    public static JComponent message(String text) {
        JLabel l = new JLabel(text, SwingConstants.CENTER);
        JPanel p = new JPanel(new BorderLayout());
        p.add(l, BorderLayout.CENTER);
        return p;
    }

    /**
     * The model port's views: a summary (stage, genes, label column, and per cell type its validation cells,
     * validation accuracy and rejection threshold at θ = 0.05), then each curve and the validation confidence.
     */
    public static JComponent[] model(JindModel m) {
        JPanel summary = new JPanel(new BorderLayout());
        summary.setName("JIND model");
        summary.add(new JLabel("<html><b>JIND model</b><br>" + escape(modelSummary(m)) + "</html>"), BorderLayout.NORTH);
        summary.add(new JScrollPane(table(ResultTables.validation(m))), BorderLayout.CENTER);
        List<Figure> figures = modelFigures(m);
        JComponent[] out = new JComponent[1 + figures.size()];
        out[0] = summary;
        for (int i = 0; i < figures.size(); i++) {
            FigurePanel p = new FigurePanel(figures.get(i));
            p.setName(figures.get(i).title()); // KNIME titles a port view's tab by its name
            out[i + 1] = p;
        }
        return out;
    }

    /** What the model port's views say above the per-type table (the Swing and the web view alike). */
    public static String modelSummary(JindModel m) {
        return String.format(Locale.ROOT, "stage: %s · genes: %,d · cell types: %d · label column: %s. Per cell type:"
                + " source validation cells, their accuracy and the rejection threshold at θ = 0.05.", m.stage.label(),
                m.genes(), m.classes.length, m.labelKey);
    }

    /** The model port's figures: each curve the model has, then the source validation confidence at θ = 0.05. */
    public static List<Figure> modelFigures(JindModel m) {
        List<Figure> figures = new java.util.ArrayList<>(ModelFigures.curves(m));
        figures.add(ModelFigures.ofModel(m, 0.05, false, 0).stream()
                .filter(f -> f.name().equals("confidence-validation")).findFirst().orElseThrow());
        return figures;
    }

    static JTable table(ResultTable t) {
        String[] names = t.columns().stream().map(OutputColumn::name).toArray(String[]::new);
        DefaultTableModel model = new DefaultTableModel(names, 0) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
        for (ResultTable.Row r : t.rows()) {
            Object[] v = r.values().clone();
            for (int i = 0; i < v.length; i++) {
                if (v[i] instanceof Double) {
                    v[i] = cell(v[i]);
                }
            }
            model.addRow(v);
        }
        JTable table = new JTable(model);
        table.setAutoCreateRowSorter(true);
        return table;
    }

    /** A table value as the views show it: numbers with four decimals, a missing number as nothing. */
    static String cell(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.4f", d);
        }
        return v == null ? "" : String.valueOf(v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
