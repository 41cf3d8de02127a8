package org.jind.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jind.core.JindException;
import org.jind.core.util.Errors;

import com.google.gson.JsonObject;

/**
 * The aligned (or JIND+) models of several target batches, one per batch, as a folder of ordinary model files: each
 * file is a complete model that loads anywhere a single model does (format unchanged), and records in its
 * alignment the batch column and batch it was aligned to. Annotating cells picks each cell's model by its batch;
 * a batch without a model is refused by name, never given another batch's generator.
 */
public final class BatchModels {
    /** Keys of the alignment record naming the batch a model was aligned to (absent in files from before). */
    static final String BATCH_KEY = "batchKey";
    static final String BATCH = "batch";

    private final Path dir;
    private final String batchKey;
    private final Map<String, AlignedModel> byBatch;

    private BatchModels(Path dir, String batchKey, Map<String, AlignedModel> byBatch) {
        this.dir = dir;
        this.batchKey = batchKey;
        this.byBatch = Collections.unmodifiableMap(byBatch);
    }

    /** {@code model} recording that it was aligned to {@code batch} of the column {@code batchKey}. */
    public static AlignedModel named(AlignedModel model, String batchKey, String batch) {
        JsonObject a = model.alignment.deepCopy();
        a.addProperty(BATCH_KEY, batchKey);
        a.addProperty(BATCH, batch);
        return new AlignedModel(model, model.stage, model.generator, a, model.selfTraining);
    }

    /** The batch this model records it was aligned to, or null (a trained model, or one aligned without a name). */
    public static String batchOf(JindModel model) {
        return model.alignment != null && model.alignment.has(BATCH) ? model.alignment.get(BATCH).getAsString() : null;
    }

    /** A file name for a batch's model: the name with characters other than letters, digits, '.', '-' as '_'. */
    public static String fileName(String batch) {
        String s = batch.replaceAll("[^A-Za-z0-9._-]", "_");
        return (s.isEmpty() || s.startsWith(".") ? "_" + s : s) + ".jind";
    }

    /** Whether {@code path} is a folder (a set of batch models) rather than one model file. */
    public static boolean isFolder(Path path) {
        return Files.isDirectory(path);
    }

    /**
     * Every {@code .jind} file in {@code dir}: aligned models of one trained model, each recording a different batch
     * of one batch column; a clear sentence for anything else.
     */
    public static BatchModels load(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jind")).sorted().toList();
        } catch (IOException e) {
            throw new JindException("Cannot read the model folder " + dir + ": " + Errors.describe(e) + ".");
        }
        if (files.isEmpty()) {
            throw new JindException("The model folder " + dir + " holds no .jind files.");
        }
        Map<String, AlignedModel> byBatch = new LinkedHashMap<>();
        Map<String, Path> fileOf = new LinkedHashMap<>();
        String key = null;
        JindModel first = null;
        for (Path f : files) {
            JindModel m = JindModel.load(f);
            String batch = batchOf(m);
            if (!(m instanceof AlignedModel a) || batch == null) {
                throw new JindException(f + " is not aligned to a named batch; a model folder holds only models"
                        + " aligned to one batch each (as align, selftrain and run write for several batches).");
            }
            String k = m.alignment.get(BATCH_KEY).getAsString();
            if (key != null && !key.equals(k)) {
                throw new JindException("The models in " + dir + " were aligned to batches of different columns ('"
                        + key + "' and '" + k + "'); keep the models of one batch column in one folder.");
            }
            if (first != null && !sameTraining(first, m)) {
                throw new JindException(f + " derives from another trained model than " + files.get(0)
                        + "; keep the models of one trained model in one folder.");
            }
            if (byBatch.containsKey(batch)) {
                throw new JindException(f + " and " + fileOf.get(batch) + " are both aligned to batch '" + batch
                        + "'; keep one.");
            }
            key = k;
            first = first == null ? m : first;
            byBatch.put(batch, a);
            fileOf.put(batch, f);
        }
        return new BatchModels(dir, key, byBatch);
    }

    /** Whether two models share their trained parts: same genes, cell types and source validation. */
    private static boolean sameTraining(JindModel a, JindModel b) {
        return java.util.Arrays.equals(a.classes, b.classes)
                && java.util.Arrays.equals(a.plan.selectedGenes(), b.plan.selectedGenes())
                && a.plan.counts() == b.plan.counts()
                && java.util.Arrays.equals(a.validation.probabilities(), b.validation.probabilities());
    }

    /** The column whose values name the batches. */
    public String batchKey() {
        return batchKey;
    }

    /** The batches, in the files' order. */
    public List<String> batches() {
        return List.copyOf(byBatch.keySet());
    }

    /** Any of the models (they share genes, cell types and thresholds). */
    public AlignedModel any() {
        return byBatch.values().iterator().next();
    }

    /** The model aligned to {@code batch}; refuses a batch without one. */
    public AlignedModel forBatch(String batch) {
        AlignedModel m = byBatch.get(batch);
        if (m == null) {
            throw new JindException("No model in " + dir + " is aligned to batch '" + batch + "' (it holds "
                    + String.join(", ", byBatch.keySet()) + "); align that batch first, or leave it out.");
        }
        return m;
    }
}
