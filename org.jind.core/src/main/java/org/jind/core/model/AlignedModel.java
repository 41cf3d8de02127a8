package org.jind.core.model;

import org.jind.core.nn.GeneratorNet;

import com.google.gson.JsonObject;

/**
 * A model aligned to a target batch (or, at {@link Stage#SELFTRAINED}, then self-trained on it): it always has a
 * generator. Self-training takes this type, so handing it a model that was never aligned does not compile.
 */
public final class AlignedModel extends JindModel {

    AlignedModel(JindModel base, Stage stage, GeneratorNet generator, JsonObject alignment, JsonObject selfTraining) {
        super(base, stage, java.util.Objects.requireNonNull(generator, "generator"), alignment, selfTraining);
        if (stage == Stage.TRAINED) {
            throw new IllegalArgumentException("an aligned model at stage " + stage);
        }
    }

    /**
     * The self-trained (JIND+) model: the trained networks, the genes, the source statistics and the alignment
     * record shared with this model; {@code plus} is the generator self-training refined.
     */
    public AlignedModel withSelfTraining(GeneratorNet plus, JsonObject record) {
        return new AlignedModel(this, Stage.SELFTRAINED, plus, alignment, record);
    }
}
