package org.jind.core.model;

import java.util.List;
import java.util.Locale;

import org.jind.core.InvalidSettingException;
import org.jind.core.JindException;
import org.jind.core.prep.ValueType;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Checks a model file's whole JSON header before anything is built from it, so that a file with a valid checksum
 * but a header this version cannot use (edited, written by another program, a future stage) is refused with
 * "not a valid JIND model file: …" instead of failing somewhere inside.
 */
final class ModelHeader {
    private static final List<String> TRAIN_SETTINGS = List.of("genesKept", "epochs", "batchSize", "learningRate",
            "validationFraction", "seed"); // files from before threads became a process setting also hold "threads"

    private ModelHeader() {
    }

    static void check(JsonObject h, String name) {
        if (!h.has("format") || !h.get("format").isJsonPrimitive() || !"jind-model".equals(h.get("format").getAsString())) {
            throw new JindException(name + " is not a JIND model file.");
        }
        String stage = string(h, "stage", name);
        if (java.util.Arrays.stream(Stage.values()).noneMatch(s -> s.name().equals(stage))) {
            throw invalid(name, "its stage '" + stage + "' is unknown (known: TRAINED, ALIGNED, SELFTRAINED)");
        }
        string(h, "labelKey", name);
        int classes = strings(h, "classes", name);
        if (classes < 2) {
            throw invalid(name, "it names " + classes + " cell types; a model has at least 2");
        }
        if (strings(h, "genes", name) < 1) {
            throw invalid(name, "it names no genes");
        }
        if (h.has("libraryGenes") && !h.get("libraryGenes").isJsonNull()) {
            strings(h, "libraryGenes", name);
        }
        if (!h.has("counts") || !h.get("counts").isJsonPrimitive() || !h.getAsJsonPrimitive("counts").isBoolean()) {
            throw invalid(name, "it lacks 'counts' (whether it was trained on raw counts)");
        }
        if (h.has("valueType")) { // recorded since the value type could be scaled; older files tell counts only
            ValueType values = ValueType.ofKey(string(h, "valueType", name));
            if (values == null || values.counts() != h.get("counts").getAsBoolean()) {
                throw invalid(name, "its value type '" + h.get("valueType").getAsString() + "' is unknown or"
                        + " contradicts 'counts' (known: counts, normalised, scaled)");
            }
        }
        if (h.has("matrix") && string(h, "matrix", name).isBlank()) { // the AnnData matrix, absent in older files
            throw invalid(name, "it names an empty matrix");
        }
        JsonObject ts = object(h, "trainSettings", name);
        for (String k : TRAIN_SETTINGS) {
            if (!ts.has(k) || !ts.get(k).isJsonPrimitive() || !ts.getAsJsonPrimitive(k).isNumber()) {
                throw invalid(name, "its training settings lack '" + k + "'");
            }
        }
        try {
            new TrainSettings(ts.get("genesKept").getAsInt(), ts.get("epochs").getAsInt(), ts.get("batchSize").getAsInt(),
                    ts.get("learningRate").getAsDouble(), ts.get("validationFraction").getAsDouble(),
                    ts.get("seed").getAsLong());
        } catch (InvalidSettingException e) {
            throw invalid(name, "its training settings are out of range (" + lower(e.getMessage()) + ")");
        }
        if (!h.has("history") || !h.get("history").isJsonArray()) {
            throw invalid(name, "it lacks its training history");
        }
        if (!Stage.valueOf(stage).equals(Stage.TRAINED)) {
            object(h, "alignment", name);
        }
        if (Stage.valueOf(stage).equals(Stage.SELFTRAINED)) {
            object(h, "selfTraining", name);
        }
    }

    private static String string(JsonObject h, String key, String name) {
        JsonElement e = h.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw invalid(name, "it lacks '" + key + "'");
        }
        return e.getAsString();
    }

    private static int strings(JsonObject h, String key, String name) {
        JsonElement e = h.get(key);
        if (e == null || !e.isJsonArray()) {
            throw invalid(name, "it lacks the list '" + key + "'");
        }
        for (JsonElement x : e.getAsJsonArray()) {
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                throw invalid(name, "its list '" + key + "' holds something other than names");
            }
        }
        return e.getAsJsonArray().size();
    }

    private static JsonObject object(JsonObject h, String key, String name) {
        JsonElement e = h.get(key);
        if (e == null || !e.isJsonObject()) {
            throw invalid(name, "it lacks '" + key + "'");
        }
        return e.getAsJsonObject();
    }

    private static String lower(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1);
    }

    static JindException invalid(String name, String why) {
        return new JindException(name + " is not a valid JIND model file: " + why + ".");
    }
}
