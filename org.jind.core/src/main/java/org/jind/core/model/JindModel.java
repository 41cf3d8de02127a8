package org.jind.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;
import org.jind.core.data.MatrixChoice;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.GeneratorNet;
import org.jind.core.nn.Param;
import org.jind.core.nn.Tensors;
import org.jind.core.prep.Preprocessing;
import org.jind.core.prep.ValueType;
import org.jind.core.random.TorchGenerator;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Everything later steps need: the preprocessing decision and ordered genes, the cell types, the networks,
 * the source validation statistics (thresholds for any θ), a sample of source latent codes (so a new batch can
 * be aligned without the training data), the generator once aligned, and provenance.
 * <p>
 * Immutable: a stage transition makes a new model that shares what the stage froze. This class is a trained
 * model or, as {@link AlignedModel}, an aligned or self-trained one; steps that need an aligned model take that
 * type, and a model whose stage is known only at run time (a file, a port) is converted by
 * {@link #aligned(String)}.
 */
public sealed class JindModel permits AlignedModel {
    private static final Gson GSON = new Gson();

    public final Stage stage;
    public final String labelKey;
    public final String[] classes;
    public final Preprocessing.Plan plan;
    /** The trained encoder and classifier: frozen after training, shared by every model derived from this one. */
    public final ClassifierNet net;
    public final ValidationStats validation;
    public final TrainSettings trainSettings;
    public final List<EpochRecord> history;
    /** Source latent codes (cells × 256, row-major) and their classes: a bounded stratified sample, or null. */
    public final float[] sourceCodes;
    public final int[] sourceCodeLabels;
    /** Set once aligned (then this is an {@link AlignedModel}); self-training changes its encoder copy. */
    public final GeneratorNet generator;
    /** What alignment and self-training recorded (target batch, settings, history); free-form, versioned. */
    public final JsonObject alignment;
    public final JsonObject selfTraining;
    public final JsonObject provenance;

    /** A trained model. */
    public JindModel(String labelKey, String[] classes, Preprocessing.Plan plan, ClassifierNet net,
            ValidationStats validation, TrainSettings trainSettings, List<EpochRecord> history, JsonObject provenance,
            float[] sourceCodes, int[] sourceCodeLabels) {
        this(Stage.TRAINED, labelKey, classes, plan, net, validation, trainSettings, List.copyOf(history), provenance,
                sourceCodes, sourceCodeLabels, null, null, null);
    }

    /** A model of the trained parts of {@code base} at {@code stage} with the given generator and records. */
    JindModel(JindModel base, Stage stage, GeneratorNet generator, JsonObject alignment, JsonObject selfTraining) {
        this(stage, base.labelKey, base.classes, base.plan, base.net, base.validation, base.trainSettings, base.history,
                base.provenance, base.sourceCodes, base.sourceCodeLabels, generator, alignment, selfTraining);
    }

    private JindModel(Stage stage, String labelKey, String[] classes, Preprocessing.Plan plan, ClassifierNet net,
            ValidationStats validation, TrainSettings trainSettings, List<EpochRecord> history, JsonObject provenance,
            float[] sourceCodes, int[] sourceCodeLabels, GeneratorNet generator, JsonObject alignment,
            JsonObject selfTraining) {
        this.stage = stage;
        this.labelKey = labelKey;
        this.classes = classes;
        this.plan = plan;
        this.net = net;
        this.validation = validation;
        this.trainSettings = trainSettings;
        this.history = history;
        this.provenance = provenance;
        this.sourceCodes = sourceCodes;
        this.sourceCodeLabels = sourceCodeLabels;
        this.generator = generator;
        this.alignment = alignment;
        this.selfTraining = selfTraining;
    }

    public int genes() {
        return plan.selectedGenes().length;
    }

    public String describe() {
        return "JIND model, " + stage.label() + ": " + classes.length + " cell types, " + genes()
                + " genes, label column '" + labelKey + "', trained on " + plan.values()
                + (plan.matrix() == null ? "" : " (" + plan.matrix().describe() + ")");
    }

    /**
     * The trained model this one derives from: itself when trained, else a model sharing the trained networks,
     * the genes and the source statistics, without generator (what realigning starts from).
     */
    public JindModel trained() {
        return this instanceof AlignedModel ? new JindModel(this, Stage.TRAINED, null, null, null) : this;
    }

    /**
     * The aligned model for {@code alignment}'s generator and record: shares this model's trained parts; any
     * generator or self-training of this model is left behind.
     */
    public AlignedModel withAlignment(GeneratorNet generator, JsonObject record) {
        return new AlignedModel(this, Stage.ALIGNED, generator, record, null);
    }

    /**
     * This model as an aligned one, for steps that need the generator when the stage is known only at run time
     * (a model file, a port); otherwise a clear error naming {@code forWhat}.
     */
    public AlignedModel aligned(String forWhat) {
        if (this instanceof AlignedModel a) {
            return a;
        }
        throw new JindException(forWhat + " needs a model that is " + Stage.ALIGNED.label() + ", but this one is only "
                + stage.label() + ".");
    }

    // ---- storage ----

    public ModelFile.Content encode() {
        JsonObject h = new JsonObject();
        h.addProperty("format", "jind-model");
        h.addProperty("stage", stage.name());
        h.addProperty("labelKey", labelKey);
        h.add("classes", GSON.toJsonTree(classes));
        h.addProperty("counts", plan.counts());
        if (plan.values().key() != null) { // normalised or scaled (absent in older files, which tell counts only)
            h.addProperty("valueType", plan.values().key());
        }
        if (plan.matrix() != null) { // the AnnData matrix the source was read from (absent in older files)
            h.addProperty("matrix", plan.matrix().toString());
        }
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
        boolean counts = h.get("counts").getAsBoolean();
        ValueType values = h.has("valueType") ? ValueType.ofKey(h.get("valueType").getAsString())
                : counts ? ValueType.COUNTS : ValueType.NOT_COUNTS;
        MatrixChoice matrix = h.has("matrix") ? MatrixChoice.of(h.get("matrix").getAsString(), "matrix") : null;
        Preprocessing.Plan plan = new Preprocessing.Plan(values, library, genes, aliases, matrix);
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
        float[] codes = null;
        int[] codeLabels = null;
        if (a.containsKey("source.codes")) {
            codes = a.get("source.codes").floats();
            codeLabels = tensor(a, "source.labels", name).ints();
        }
        JindModel m = new JindModel(h.get("labelKey").getAsString(), classes, plan, net, val,
                GSON.fromJson(h.get("trainSettings"), TrainSettings.class), history, h.getAsJsonObject("provenance"),
                codes, codeLabels);
        Stage stage = Stage.valueOf(h.get("stage").getAsString());
        boolean hasGenerator = a.containsKey("generator.shift");
        if (stage == Stage.TRAINED && !hasGenerator) {
            return m;
        }
        if (stage == Stage.TRAINED || !hasGenerator) {
            throw new JindException(name + " is damaged: it is " + stage.label() + " but "
                    + (hasGenerator ? "holds" : "lacks") + " a generator.");
        }
        GeneratorNet generator = new GeneratorNet(net.encoder, new TorchGenerator(0));
        for (Param p : generator.allParams()) {
            load(a, p, name);
        }
        m = new AlignedModel(m, stage, generator, h.has("alignment") ? h.getAsJsonObject("alignment") : null,
                h.has("selfTraining") ? h.getAsJsonObject("selfTraining") : null);
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
