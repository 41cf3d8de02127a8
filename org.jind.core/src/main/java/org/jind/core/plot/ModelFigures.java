package org.jind.core.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;
import org.jind.core.align.Aligner;
import org.jind.core.annotate.Annotation;
import org.jind.core.annotate.Predictor;
import org.jind.core.annotate.Thresholds;
import org.jind.core.data.SparseMatrix;
import org.jind.core.eval.Metrics;
import org.jind.core.model.EpochRecord;
import org.jind.core.model.JindModel;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Which figures a model, and a model with a batch, allow; and writing them. */
public final class ModelFigures {
    private ModelFigures() {
    }

    /**
     * What the model alone shows: its training curves, alignment and self-training curves once it has them,
     * the source validation confidence with the thresholds at θ, and optionally the source latent map (a UMAP,
     * seconds for 10,000 cells).
     */
    public static List<Figure> ofModel(JindModel m, double theta, boolean latentMap, long seed) {
        List<Figure> out = new ArrayList<>(curves(m));
        out.add(ConfidencePlot.validation(m.classes, m.validation, Thresholds.compute(m.validation, theta), theta, seed));
        if (latentMap && m.sourceCodeLabels != null && m.sourceCodeLabels.length > 0) {
            out.add(LatentMap.of(LatentMap.embed("latent-source", "Latent map of the source", m.classes,
                    LatentMap.source(m), null, seed)));
        }
        return out;
    }

    /** The curves the model's histories allow (training; alignment and self-training once done). */
    public static List<Figure> curves(JindModel m) {
        List<Figure> out = new ArrayList<>();
        if (!m.history.isEmpty()) {
            out.add(Curves.training("training", "Training", m.history, 0));
        }
        if (m.alignment != null && m.alignment.has("history")) {
            out.add(Curves.alignment(alignmentData(m.alignment)));
        }
        if (m.selfTraining != null && m.selfTraining.has("history")) {
            List<EpochRecord> h = new ArrayList<>();
            for (JsonElement e : m.selfTraining.getAsJsonArray("history")) {
                h.add(new Gson().fromJson(e, EpochRecord.class));
            }
            if (!h.isEmpty()) {
                out.add(Curves.training("selftraining", "Self-training (JIND+)", h, bestEpoch(m.selfTraining)));
            }
        }
        return out;
    }

    /**
     * What a model and one batch show: the confusion heatmap (when the true types are known), the batch's
     * confidence per type, and the latent maps before and (for an aligned model) after alignment.
     *
     * @param x the batch prepared with the model's plan
     * @param truth true cell types, or null
     */
    public static List<Figure> ofBatch(JindModel m, SparseMatrix x, String[] truth, double theta, long seed) {
        double[] thresholds = Thresholds.compute(m.validation, theta);
        Annotation a = Predictor.annotate(m, x, theta);
        List<Figure> out = new ArrayList<>();
        if (truth != null) {
            out.add(ConfusionHeatmap.of(ConfusionHeatmap.Data.of(Metrics.of(a, truth))));
        }
        out.add(ConfidencePlot.batch(a, thresholds, theta, seed));
        latentMaps(m, x, truth, a, seed).forEach(d -> out.add(LatentMap.of(d)));
        return out;
    }

    /** {@link #latentMaps(JindModel, SparseMatrix, String[], Annotation, long)} annotating the batch at θ. */
    public static List<LatentMap.Data> latentMaps(JindModel m, SparseMatrix x, String[] truth, double theta,
            long seed) {
        return latentMaps(m, x, truth, truth != null ? null : Predictor.annotate(m, x, theta), seed);
    }

    /**
     * The latent maps of a batch: before alignment (the target through the source encoder) and, for an aligned
     * model, after it (through the generator). Target cells are coloured by their true type when known, else by
     * the prediction (Unassigned in grey).
     *
     * @param a the batch's annotation; used only when {@code truth} is null
     */
    public static List<LatentMap.Data> latentMaps(JindModel m, SparseMatrix x, String[] truth, Annotation a,
            long seed) {
        if (m.sourceCodeLabels == null || m.sourceCodeLabels.length == 0) {
            throw new JindException("This model holds no source latent codes, so no latent map can be drawn; retrain"
                    + " it with this version of JIND.");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (String c : m.classes) {
            index.put(c, index.size());
        }
        int[] type = new int[x.rows()];
        for (int i = 0; i < type.length; i++) {
            String label = truth != null ? truth[i] : a.predictedLabel(i);
            type[i] = index.computeIfAbsent(label, l -> index.size());
        }
        String[] types = index.keySet().toArray(new String[0]);
        String coloured = truth != null ? "target cells coloured by their true type" : "target cells coloured by the"
                + " prediction";
        List<LatentMap.Data> out = new ArrayList<>();
        LatentMap.Codes source = LatentMap.source(m);
        out.add(LatentMap.embed("latent-before", "Latent map before alignment (" + coloured + ")", types, source,
                LatentMap.target(m.net, null, x, type, types.length, seed), seed));
        if (m.generator != null) {
            out.add(LatentMap.embed("latent-after", "Latent map after alignment (" + coloured + ")", types, source,
                    LatentMap.target(m.net, m.generator, x, type, types.length, seed), seed));
        }
        return out;
    }

    /** The aligner's epochs as the model file stores them ([epoch, G, D, balanced, rejection or null, reinits]). */
    public static List<Aligner.EpochRecord> alignmentHistory(JsonObject alignment) {
        List<Aligner.EpochRecord> out = new ArrayList<>();
        for (JsonElement e : alignment.getAsJsonArray("history")) {
            JsonArray r = e.getAsJsonArray();
            out.add(new Aligner.EpochRecord(r.get(0).getAsInt(), r.get(1).getAsDouble(), r.get(2).getAsDouble(),
                    r.get(3).getAsBoolean(), r.get(4).isJsonNull() ? Double.NaN : r.get(4).getAsDouble(),
                    r.get(5).getAsInt()));
        }
        return out;
    }

    /**
     * The alignment curves' data as the model file stores them. Files written before the fresh generator's
     * rejection was recorded tell it only when that generator was kept (it is then the target rejection).
     */
    public static Curves.AlignmentData alignmentData(JsonObject alignment) {
        int best = bestEpoch(alignment);
        double fresh = alignment.has("freshRejection") ? alignment.get("freshRejection").getAsDouble()
                : best == 0 && alignment.has("targetRejection") ? alignment.get("targetRejection").getAsDouble()
                : Double.NaN;
        double unaligned = alignment.has("unalignedRejection") ? alignment.get("unalignedRejection").getAsDouble()
                : Double.NaN;
        return new Curves.AlignmentData(alignmentHistory(alignment), best, fresh, unaligned);
    }

    private static int bestEpoch(JsonObject o) {
        if (o.has("chosen") && "unaligned".equals(o.get("chosen").getAsString())) {
            return -1;
        }
        return o.has("bestEpoch") ? o.get("bestEpoch").getAsInt() : 0;
    }

    /** Writes every figure as PNG and SVG into {@code dir} (created if needed); returns the file names. */
    public static List<String> write(List<Figure> figures, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (Figure f : figures) {
            f.writeTo(dir);
            names.addAll(Arrays.asList(f.name() + ".png", f.name() + ".svg"));
        }
        return names;
    }
}
