package org.jind.knime.views;

import java.util.List;

import org.jind.core.plot.Figure;

/** A node model whose view shows figures: built from the data it kept when it executed (empty before). */
public interface FigureSource {
    List<Figure> figures();

    /** What the view says while there is nothing to show. */
    default String noFigures() {
        return "Execute the node to see its figures.";
    }
}
