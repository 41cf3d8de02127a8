package org.jind.core.data;

import org.jind.core.JindException;

/**
 * Text in a column that was read as a gene of a CSV/TSV table. The core says what to do in concepts (a text
 * column is an annotation column, named as such); an adapter that lets the user name annotation columns says how,
 * by its options, through {@link #messageFor(String)}.
 */
public final class NotANumberException extends JindException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    NotANumberException(String problem) {
        super(problem + "; every column after the cell id is a gene and holds numbers, unless it is named as an"
                + " annotation column.");
        this.problem = problem;
    }

    /** The same sentence, saying that text columns are named with {@code options} (e.g. the CLI's). */
    public String messageFor(String options) {
        return problem + "; every column after the cell id is a gene and holds numbers: name text columns with "
                + options + ".";
    }
}
