package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.JindException;
import org.jind.core.annotate.Annotation;
import org.jind.core.annotate.Predictor;
import org.jind.core.nn.ClassifierNet;

/**
 * The columns Annotate &amp; Reject appends (raw prediction, prediction or "Unassigned", confidence, and
 * optionally one probability per cell type) and the values of one row. Computed from the model's spec, so
 * downstream nodes see the output columns before anything has run.
 */
public final class AnnotateOutput {
    /** Stands for the cell type in the probability column name pattern. */
    public static final String TYPE_PLACEHOLDER = "{type}";

    private AnnotateOutput() {
    }

    /** The column names chosen in the dialog. */
    public record Names(String raw, String prediction, String confidence, String probabilityPattern) {

        public static Names defaults() {
            return new Names("Raw prediction", "Prediction", "Confidence", "P (" + TYPE_PLACEHOLDER + ")");
        }

        /** Trimmed, non-empty, distinct names and a pattern that contains the placeholder. */
        public Names validated() {
            String r = OutputColumnNames.require(raw, NodeParameters.RAW_COLUMN);
            String p = OutputColumnNames.require(prediction, NodeParameters.PREDICTION_COLUMN);
            String c = OutputColumnNames.require(confidence, NodeParameters.CONFIDENCE_COLUMN);
            String pattern = OutputColumnNames.require(probabilityPattern, NodeParameters.PROBABILITY_PATTERN);
            if (r.equals(p) || r.equals(c) || p.equals(c)) {
                throw new JindException("'" + NodeParameters.RAW_COLUMN + "', '" + NodeParameters.PREDICTION_COLUMN
                        + "' and '" + NodeParameters.CONFIDENCE_COLUMN + "' must be three different names.");
            }
            if (!pattern.contains(TYPE_PLACEHOLDER)) {
                throw new JindException("'" + NodeParameters.PROBABILITY_PATTERN + "' must contain " + TYPE_PLACEHOLDER
                        + ", which stands for the cell type (e.g. 'P (" + TYPE_PLACEHOLDER + ")').");
            }
            return new Names(r, p, c, pattern);
        }
    }

    /** The latent code columns are named this followed by the dimension, 0 to 255. */
    public static final String LATENT_PREFIX = "latent_";

    /** As {@link #columns(List, ModelSummary, Names, boolean, boolean)} without the latent code. */
    public static List<OutputColumn> columns(List<String> existing, ModelSummary model, Names names,
            boolean probabilities) {
        return columns(existing, model, names, probabilities, false);
    }

    /**
     * The appended columns, named uniquely against the table's {@code existing} column names: raw prediction,
     * prediction, confidence, the probabilities if wanted (one per cell type, in the model's order) and the
     * latent code if wanted ({@link ClassifierNet#LATENT} columns). Null when the probabilities are wanted but the
     * model's cell types are not known yet.
     */
    public static List<OutputColumn> columns(List<String> existing, ModelSummary model, Names names,
            boolean probabilities, boolean latent) {
        if (probabilities && !model.cellTypesKnown()) {
            return null;
        }
        Names n = names.validated();
        List<String> wanted = new ArrayList<>(List.of(n.raw(), n.prediction(), n.confidence()));
        if (probabilities) {
            for (String type : model.cellTypes()) {
                wanted.add(n.probabilityPattern().replace(TYPE_PLACEHOLDER, type));
            }
        }
        if (latent) {
            for (int d = 0; d < ClassifierNet.LATENT; d++) {
                wanted.add(LATENT_PREFIX + d);
            }
        }
        List<String> unique = OutputColumnNames.unique(existing, wanted);
        List<OutputColumn> out = new ArrayList<>();
        for (int i = 0; i < unique.size(); i++) {
            out.add(new OutputColumn(unique.get(i), i < 2 ? OutputColumn.Kind.STRING : OutputColumn.Kind.DOUBLE));
        }
        return out;
    }

    /** The appended values of cell {@code i}: raw label, prediction, confidence and, if wanted, probabilities. */
    public static Object[] values(Annotation a, int i, boolean probabilities) {
        return values(new Predictor.Coded(a, null), i, probabilities, false);
    }

    /**
     * The appended values of cell {@code i}, in the order of {@link #columns}: raw label, prediction,
     * confidence and, if wanted, the probabilities and the latent code.
     */
    public static Object[] values(Predictor.Coded coded, int i, boolean probabilities, boolean latent) {
        Annotation a = coded.annotation();
        int k = a.classes().length;
        int base = 3 + (probabilities ? k : 0);
        Object[] v = new Object[base + (latent ? ClassifierNet.LATENT : 0)];
        v[0] = a.rawLabel(i);
        v[1] = a.predictedLabel(i);
        v[2] = (double) a.confidence()[i];
        if (probabilities) {
            for (int c = 0; c < k; c++) {
                v[3 + c] = (double) a.probabilities()[i * k + c];
            }
        }
        if (latent) {
            for (int d = 0; d < ClassifierNet.LATENT; d++) {
                v[base + d] = (double) coded.code(i, d);
            }
        }
        return v;
    }
}
