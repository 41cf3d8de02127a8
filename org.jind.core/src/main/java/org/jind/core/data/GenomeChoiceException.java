package org.jind.core.data;

import java.util.List;

import org.jind.core.JindException;

/**
 * A 10x Cell Ranger 2 {@code .h5} holding several genome groups (a mixed-species sample) was read without choosing
 * one. The core names the concept; an adapter names its option through {@link #renamed(String)} (the CLI's
 * {@code --genome}), as for {@link org.jind.core.InvalidSettingException}.
 */
public final class GenomeChoiceException extends JindException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final List<String> genomes;

    GenomeChoiceException(String file, List<String> genomes) {
        super(text(file, genomes, "choose the genome to read"));
        this.file = file;
        this.genomes = List.copyOf(genomes);
    }

    public List<String> genomes() {
        return genomes;
    }

    /** The same problem, saying how to choose with {@code option} (e.g. {@code --genome}). */
    public JindException renamed(String option) {
        return new JindException(text(file, genomes, "choose one with " + option + " " + genomes.get(0)), this);
    }

    private static String text(String file, List<String> genomes, String fix) {
        return file + " holds " + genomes.size() + " genomes in Cell Ranger 2's layout (" + String.join(", ", genomes)
                + "), one matrix each; " + fix + ".";
    }
}
