package org.jind.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jind.core.JindException;

/**
 * An AnnData file lacks the matrix asked for (or X, when none was asked for): the sentence says which matrices it
 * has. The core says "choose one"; the adapters name how ({@link #messageFor}: {@code --matrix}, a dialog label).
 */
public final class NoSuchMatrixException extends JindException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String has;

    /**
     * @param problem  what is missing, e.g. "cells.h5ad has no layer 'count'"
     * @param matrices the file's matrices, not empty
     * @param rawGenes how many genes raw has, when it is among them (-1: not known)
     */
    NoSuchMatrixException(String problem, List<MatrixChoice> matrices, int rawGenes) {
        super(problem + "; " + has(matrices, rawGenes) + ": choose one of them.");
        this.problem = problem;
        this.has = has(matrices, rawGenes);
    }

    /** The same sentence telling to choose one with {@code how}, e.g. "--matrix" or "'Matrix'". */
    public String messageFor(String how) {
        return problem + "; " + has + ": choose one with " + how + ".";
    }

    public JindException renamed(String how) {
        return new JindException(messageFor(how), this);
    }

    /** "it has X, raw (3,000 genes) and the layers 'counts', 'spliced'". */
    static String has(List<MatrixChoice> matrices, int rawGenes) {
        List<String> parts = new ArrayList<>();
        List<String> layers = new ArrayList<>();
        for (MatrixChoice m : matrices) {
            switch (m.kind()) {
                case X -> parts.add("X");
                case RAW -> parts.add(rawGenes < 0 ? "raw" : String.format(Locale.ROOT, "raw (%,d genes)", rawGenes));
                case LAYER -> layers.add("'" + m + "'");
            }
        }
        if (!layers.isEmpty()) {
            parts.add((layers.size() == 1 ? "the layer " : "the layers ") + String.join(", ", layers));
        }
        String last = parts.remove(parts.size() - 1);
        return "it has " + (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last);
    }
}
