package org.jind.core.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.jind.core.util.AtomicFiles;

/**
 * One figure: a chart with a file name and a preferred size. Rendering is headless-safe (images and SVG only).
 *
 * @param name file base name ({@code confusion} → {@code confusion.png}, {@code confusion.svg})
 */
public record Figure(String name, JFreeChart chart, int width, int height) {

    /** The chart's title (tabs and window titles name the figure by it). */
    public String title() {
        return chart.getTitle() == null ? name : chart.getTitle().getText();
    }

    /**
     * This figure as one of several batches' (a view with a figure set per batch): the title starts with the batch,
     * the name ends with it (as a file name allows). The chart is changed in place: it is this figure's own.
     */
    public Figure ofBatch(String batch) {
        String title = "Batch '" + batch + "': " + title();
        chart.setTitle(title);
        return new Figure(name + "_" + batch.replaceAll("[^A-Za-z0-9._-]", "_"), chart, width, height);
    }

    /** Draws into {@code area} of {@code g} (a Swing view's paint method, an image, an SVG). */
    public void draw(Graphics2D g, Rectangle2D area) {
        draw(g, area, null);
    }

    private void draw(Graphics2D g, Rectangle2D area, ChartRenderingInfo info) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, area, info);
    }

    /** The figure at its preferred size as an opaque RGB image. */
    public BufferedImage image() {
        return image(width, height);
    }

    public BufferedImage image(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(g, new Rectangle2D.Double(0, 0, w, h));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** PNG bytes at the preferred size (no timestamps: the same figure gives the same bytes). */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A standalone SVG document at the preferred size. */
    public String svg() {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("jind"); // the default prefix holds the clock, which would make every file differ
        draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    /**
     * An {@code <svg>} element (no XML prologue) to place inside an HTML page: it scales with the page (a view box
     * at the preferred size, no fixed dimensions), its definitions' ids start with {@code idPrefix}, so several
     * figures in one page do not share clip paths, coordinates are rounded to a tenth of a pixel (invisible, and a
     * third of the size), and every point carries a hover title ({@link HoverTitles}).
     */
    public String svgElement(String idPrefix) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(idPrefix);
        g.setGeomDoubleConverter(Figure::tenth); // a scatter of 20,000 cells: 49 MB at full precision, 15 MB so
        ChartRenderingInfo info = new ChartRenderingInfo();
        draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        return HoverTitles.add(g.getSVGElement(idPrefix, false, new ViewBox(0, 0, width, height), null, null),
                chart.getPlot(), info);
    }

    /** A coordinate to a tenth of a pixel, as short as it gets ("12.5", "3"). */
    private static String tenth(double v) {
        double r = Math.rint(v * 10) / 10;
        return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : Double.toString(r);
    }

    /** Writes {@code name.png} and {@code name.svg} into {@code dir}, each atomically. */
    public void writeTo(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(name + ".png"), png());
        AtomicFiles.write(dir.resolve(name + ".svg"), svg().getBytes(StandardCharsets.UTF_8));
    }
}
