package org.jind.knime.views;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import javax.swing.JPanel;

import org.jind.core.plot.Figure;

/** One figure, redrawn to fill the panel whenever it is painted (so it follows the window's size). */
public final class FigurePanel extends JPanel {
    private static final long serialVersionUID = 1L;

    private final transient Figure figure;

    public FigurePanel(Figure figure) {
        this.figure = figure;
        setBackground(Color.WHITE);
        setPreferredSize(new Dimension(figure.width(), figure.height()));
    }

    @Override
    protected void paintComponent(Graphics g) {
        super.paintComponent(g);
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            figure.draw(g2, new Rectangle2D.Double(0, 0, getWidth(), getHeight()));
        } finally {
            g2.dispose();
        }
    }
}
