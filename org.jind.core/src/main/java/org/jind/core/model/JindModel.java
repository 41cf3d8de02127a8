package org.jind.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.GeneratorNet;
import org.jind.core.nn.Param;
import org.jind.core.nn.Tensors;
import org.jind.core.prep.Preprocessing;
import org.jind.core.random.TorchGenerator;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Everything later steps need: the preprocessing decision and ordered genes, the cell types, the networks,
 * the source validation statistics (thresholds for any θ), a sample of source latent codes (so a new batch can
 * be aligned without the training data), the generator once aligned, and provenance.
 */
public final class JindModel {
    private static final Gson GSON = new Gson();

    public Stage stage = Stage.TRAINED;
    public final String labelKey;
    public final String[] classes;
    public final Preprocessing.Plan plan;
    public final ClassifierNet net;
    public final ValidationStats validation;
    public final TrainSettings trainSettings;
    public final List<EpochRecord> history;
    /** Source latent codes (cells × 256, row-major) and their classes: a bounded stratified sample. */
    public float[] sourceCodes;
    public int[] sourceCodeLabels;
    /** Set once aligned; self-training changes its encoder copy. */
    public GeneratorNet generator;
    /** What alignment and self-training recorded (target batch, settings, history); free-form, versioned. */
    public JsonObject alignment;
    public JsonObject selfTraining;
    public final JsonObject provenance;

    public JindModel(String labelKey, String[] classes, Preprocessing.Plan plan, ClassifierNet net,
            ValidationStats validation, TrainSettings trainSettings, List<EpochRecord> history, JsonObject provenance) {
        this.labelKey = labelKey;
        this.classes = classes;
        this.plan = plan;
        this.net = net;
        this.validation = validation;
        this.trainSettings = trainSettings;
        this.history = List.copyOf(history);
        this.provenance = provenance;
    }

    public int genes() {
        return plan.selectedGenes().length;
    }

    public String describe() {
        return "JIND model (" + stage.name().toLowerCase() + "): " + classes.length + " cell types, " + genes()
                + " genes, label column '" + labelKey + "'";
    }

    /** A deep copy (networks included), for steps that derive a new model from this one. */
    public JindModel copy() {
        return decode(encode(), "copy");
    }

    /** Throws a clear error unless the model has reached {@code needed}. */
    public void requireStage(Stage needed, String forWhat) {
        if (stage.ordinal() < needed.ordinal()) {
            throw new JindException(forWhat + " needs a model that is " + needed.name().toLowerCase()
                    + ", but this one is only " + stage.name().toLowerCase() + ".");
        }
    }

    // ---- storage ----

    public ModelFile.Content encode() {
        JsonObject h = new JsonObject();
        h.addProperty("format", "jind-model");
        h.addProperty("stage", stage.name());
        h.addProperty("labelKey", labelKey);
        h.add("classes", GSON.toJsonTree(classes));
        h.addProperty("counts", plan.counts());
        h.add("genes", GSON.toJsonTree(plan.selectedGenes()));
        h.add("libraryGenes", GSON.toJsonTree(plan.libraryGenes()));
        if (plan.libraryAliases() != null) { // the genes' other identifiers (absent in older files)
            h.add("libraryGeneAliases", GSON.toJsonTree(plan.libraryAliases()));
        }
        h.add("trainSettings", GSON.toJsonTree(trainSettings));
        h.add("history", GSON.toJsonTree(history));
        h.add("provenance", provenance);
        if (alignment != null) {
            h.add("alignment", alignment);
        }
        if (selfTraining != null) {
            h.add("selfTraining", selfTraining);
        }
        Map<String, ModelFile.Tensor> arrays = new LinkedHashMap<>();
        for (Param p : net.params()) {
            put(arrays, p);
        }
        arrays.put("validation.probabilities",
                ModelFile.Tensor.of(validation.probabilities(), validation.cells(), validation.classes()));
        arrays.put("validation.labels", ModelFile.Tensor.of(validation.labels(), validation.cells()));
        if (sourceCodes != null) {
            arrays.put("source.codes", ModelFile.Tensor.of(sourceCodes, sourceCodeLabels.length, ClassifierNet.LATENT));
            arrays.put("source.labels", ModelFile.Tensor.of(sourceCodeLabels, sourceCodeLabels.length));
        }
        if (generator != null) {
            for (Param p : generator.allParams()) {
                put(arrays, p);
            }
        }
        return new ModelFile.Content(h, arrays);
    }

    private static void put(Map<String, ModelFile.Tensor> arrays, Param p) {
        arrays.put(p.name, ModelFile.Tensor.of(Tensors.toArray(p.value), p.value.shape()));
    }

    public static JindModel decode(ModelFile.Content c, String name) {
        JsonObject h = c.header();
        ModelHeader.check(h, name);
        Map<String, ModelFile.Tensor> a = c.arrays();
        String[] classes = GSON.fromJson(h.get("classes"), String[].class);
        String[] genes = GSON.fromJson(h.get("genes"), String[].class);
        String[] library = GSON.fromJson(h.get("libraryGenes"), String[].class);
        String[] aliases = h.has("libraryGeneAliases") ? GSON.fromJson(h.get("libraryGeneAliases"), String[].class)
                : null;
        if (aliases != null && aliases.length != library.length) {
            throw new JindException(name + " is damaged: it lists " + aliases.length + " gene aliases for "
                    + library.length + " genes.");
        }
        Preprocessing.Plan plan = new Preprocessing.Plan(h.get("counts").getAsBoolean(), library, genes, aliases);
        ClassifierNet net = new ClassifierNet(genes.length, classes.length, new TorchGenerator(0));
        for (Param p : net.params()) {
            load(a, p, name);
        }
        ValidationStats val = new ValidationStats(tensor(a, "validation.probabilities", name).floats(),
                tensor(a, "validation.labels", name).ints(), classes.length);
        List<EpochRecord> history = new ArrayList<>();
        for (var e : h.getAsJsonArray("history")) {
            history.add(GSON.fromJson(e, EpochRecord.class));
        }
        JindModel m = new JindModel(h.get("labelKey").getAsString(), classes, plan, net, val,
                GSON.fromJson(h.get("trainSettings"), TrainSettings.class), history, h.getAsJsonObject("provenance"));
        m.stage = Stage.valueOf(h.get("stage").getAsString());
        if (a.containsKey("source.codes")) {
            m.sourceCodes = a.get("source.codes").floats();
            m.sourceCodeLabels = tensor(a, "source.labels", name).ints();
        }
        if (a.containsKey("generator.shift")) {
            m.generator = new GeneratorNet(net.encoder, new TorchGenerator(0));
            for (Param p : m.generator.allParams()) {
                load(a, p, name);
            }
        }
        m.alignment = h.has("alignment") ? h.getAsJsonObject("alignment") : null;
        m.selfTraining = h.has("selfTraining") ? h.getAsJsonObject("selfTraining") : null;
        return m;
    }

    private static ModelFile.Tensor tensor(Map<String, ModelFile.Tensor> a, String key, String name) {
        ModelFile.Tensor t = a.get(key);
        if (t == null) {
            throw new JindException(name + " is damaged: it lacks the array '" + key + "'.");
        }
        return t;
    }

    private static void load(Map<String, ModelFile.Tensor> a, Param p, String name) {
        ModelFile.Tensor t = tensor(a, p.name, name);
        if (!java.util.Arrays.equals(t.shape(), p.value.shape())) {
            throw new JindException(name + " is damaged: array '" + p.name + "' has the wrong shape.");
        }
        p.value.assign(Tensors.matrix(t.floats(), (int) t.shape()[0], (int) t.shape()[1]));
        p.changed();
    }

    public void save(java.nio.file.Path file) {
        ModelFile.write(encode(), file);
    }

    public static JindModel load(java.nio.file.Path file) {
        return decode(ModelFile.read(file), file.toString());
    }

    public byte[] toBytes() {
        return ModelFile.toBytes(encode());
    }

    public static JindModel fromBytes(byte[] bytes, String name) {
        return decode(ModelFile.fromBytes(bytes, name), name);
    }
}
