package org.jind.core.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

/** The look shared by every figure (fonts, background, grid), so figures read alike wherever they appear. */
final class Charts {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color GRID = new Color(0xDDDDDD);
    static final BasicStroke LINE = new BasicStroke(2f);

    private Charts() {
    }

    /** A chart with a title and optional subtitle lines, white background. */
    static JFreeChart chart(String title, Plot plot, boolean legend, String... subtitles) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, legend);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        c.setTextAntiAlias(true);
        for (String s : subtitles) {
            if (s != null && !s.isEmpty()) {
                c.addSubtitle(new TextTitle(s, SUBTITLE));
            }
        }
        return c;
    }

    static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(GRID);
        p.setRangeGridlinePaint(GRID);
        p.setOutlinePaint(Color.GRAY);
    }

    /** An axis labelled by category names at 0, 1, 2, …; vertical tick labels when there are many. */
    static SymbolAxis symbols(String label, String[] names) {
        SymbolAxis a = new SymbolAxis(label, names);
        a.setGridBandsVisible(false);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        return a;
    }
}
