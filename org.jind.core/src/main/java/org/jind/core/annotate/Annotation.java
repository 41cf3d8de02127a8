package org.jind.core.annotate;

/**
 * Per-cell result (§5): raw arg-max class, the prediction after rejection ({@link #UNASSIGNED} when the
 * confidence is under the class threshold), the confidence (maximum probability) and all probabilities
 * (cells × classes, row-major).
 */
public record Annotation(String[] classes, int[] raw, int[] predicted, float[] confidence, float[] probabilities) {
    public static final int UNASSIGNED = -1;
    public static final String UNASSIGNED_LABEL = "Unassigned";

    public int cells() {
        return raw.length;
    }

    public String rawLabel(int i) {
        return classes[raw[i]];
    }

    public String predictedLabel(int i) {
        return predicted[i] == UNASSIGNED ? UNASSIGNED_LABEL : classes[predicted[i]];
    }

    public double rejectedFraction() {
        int r = 0;
        for (int p : predicted) {
            if (p == UNASSIGNED) {
                r++;
            }
        }
        return raw.length == 0 ? 0 : (double) r / raw.length;
    }

    /** The annotations of consecutive chunks of cells as one (same classes). */
    public static Annotation concat(java.util.List<Annotation> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no annotations");
        }
        String[] classes = parts.get(0).classes();
        int n = parts.stream().mapToInt(Annotation::cells).sum();
        int k = classes.length;
        int[] raw = new int[n];
        int[] pred = new int[n];
        float[] conf = new float[n];
        float[] probs = new float[n * k];
        int at = 0;
        for (Annotation a : parts) {
            System.arraycopy(a.raw(), 0, raw, at, a.cells());
            System.arraycopy(a.predicted(), 0, pred, at, a.cells());
            System.arraycopy(a.confidence(), 0, conf, at, a.cells());
            System.arraycopy(a.probabilities(), 0, probs, at * k, a.cells() * k);
            at += a.cells();
        }
        return new Annotation(classes, raw, pred, conf, probs);
    }

    /** Applies thresholds to probabilities. */
    public static Annotation of(String[] classes, float[] probs, double[] thresholds) {
        int k = classes.length;
        int n = probs.length / k;
        int[] raw = new int[n];
        int[] pred = new int[n];
        float[] conf = new float[n];
        for (int i = 0; i < n; i++) {
            int best = Probabilities.argmax(probs, k, i);
            raw[i] = best;
            conf[i] = probs[i * k + best];
            pred[i] = conf[i] >= thresholds[best] ? best : UNASSIGNED;
        }
        return new Annotation(classes, raw, pred, conf, probs);
    }
}
