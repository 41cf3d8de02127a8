package org.jind.knime.views;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;

import org.jind.core.model.JindModel;
import org.jind.knime.logic.TinyJind;
import org.junit.BeforeClass;
import org.junit.Test;

/** The model port's views, built headless as KNIME's UI would build them (drawn into an image here). */
public class ViewsTest {
    @BeforeClass
    public static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    public void modelViewShowsSummaryTableCurvesAndConfidence() {
        JindModel m = TinyJind.aligned();
        JComponent[] views = Views.model(m);
        assertEquals(List.of("JIND model", "Training", "Alignment", "Confidence per cell type"),
                Arrays.stream(views).map(JComponent::getName).toList());
        JTable table = (JTable) ((JScrollPane) views[0].getComponent(1)).getViewport().getView();
        assertEquals(m.classes.length, table.getRowCount());
        assertEquals("Rejection threshold", table.getColumnName(3));
        FigurePanel curves = (FigurePanel) views[1];
        curves.setSize(640, 420);
        BufferedImage img = new BufferedImage(640, 420, BufferedImage.TYPE_INT_RGB);
        curves.paint(img.getGraphics());
        int coloured = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 255;
                int b = rgb & 255;
                coloured += r > 150 && b < 100 ? 1 : 0; // the red loss curve
            }
        }
        assertTrue("the panel draws the curves at its size: " + coloured, coloured > 20);
    }
}
