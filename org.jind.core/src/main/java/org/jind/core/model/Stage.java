package org.jind.core.model;

/**
 * How far a model has come through the pipeline. Files and port specs store the constant's name; users read its
 * {@link #label()}.
 */
public enum Stage {
    /** Encoder and classifier trained on the source. */
    TRAINED("trained"),
    /** A generator maps one target batch into the source latent space. */
    ALIGNED("aligned"),
    /** JIND+: the aligned model refined on its confident target predictions. */
    SELFTRAINED("self-trained (JIND+)");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    /** The stage as users read it in messages, summaries and views ("self-trained (JIND+)"). */
    public String label() {
        return label;
    }
}
