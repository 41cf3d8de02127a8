package org.jind.core.plot;

import java.awt.Color;

/** Categorical colours: fixed, so a cell type keeps its colour in every figure of one model. */
public final class Palette {
    /** Unassigned cells and other "no type" marks. */
    public static final Color UNASSIGNED = new Color(0x9E9E9E);
    /** Batches: near-black and magenta, apart from the type colours they are drawn beside. */
    public static final Color SOURCE = new Color(0x252525);
    public static final Color TARGET = new Color(0xE7298A);

    // Tableau 20 (widely used categorical palette): strong colours first, then their light partners
    private static final int[] RGB = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x7F7F7F,
        0xBCBD22, 0x17BECF, 0xAEC7E8, 0xFFBB78, 0x98DF8A, 0xFF9896, 0xC5B0D5, 0xC49C94, 0xF7B6D2, 0xC7C7C7, 0xDBDB8D,
        0x9EDAE5};

    private Palette() {
    }

    /** The colour of category {@code i}; beyond 20 categories the hues repeat darker, still distinct. */
    public static Color category(int i) {
        Color c = new Color(RGB[i % RGB.length]);
        for (int round = i / RGB.length; round > 0; round--) {
            c = new Color(c.getRed() * 3 / 4, c.getGreen() * 3 / 4, c.getBlue() * 3 / 4);
        }
        return c;
    }

    /** White (0) to dark blue (1), for fractions: darker and more saturated for larger values. */
    public static Color sequential(double v) {
        double t = Math.max(0, Math.min(1, Double.isNaN(v) ? 0 : v));
        int r = (int) Math.round(255 + t * (8 - 255));
        int g = (int) Math.round(255 + t * (48 - 255));
        int b = (int) Math.round(255 + t * (107 - 255));
        return new Color(r, g, b);
    }
}
