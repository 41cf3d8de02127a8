package org.jind.core.plot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jind.core.util.AtomicFiles;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * Keeps figure data (the records of this package: coordinates and values, not pictures) as JSON, so a KNIME node
 * can save what its view draws with the workflow and draw it again, at any size, when the view opens.
 */
public final class FigureStore {
    // NaN is a legitimate value here (e.g. the accuracy of the kept cells when all are rejected)
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private FigureStore() {
    }

    public static void write(Path file, Object data) throws IOException {
        AtomicFiles.write(file, GSON.toJson(data).getBytes(StandardCharsets.UTF_8));
    }

    /** The data in {@code file}, or null when there is no such file (the node has nothing to show). */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), type);
        } catch (JsonParseException e) {
            throw new IOException("The saved figure data " + file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
