package org.jind.knime.logic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.jind.core.JindException;
import org.jind.core.model.ModelFile;

/**
 * The model port's payload: the core's model file, byte for byte, as one entry of KNIME's port zip. Keeping
 * the file unchanged means a saved workflow holds an ordinary JIND model that the command line can also read,
 * and the file's own checksum guards it. The spec fields travel separately in the port spec.
 */
public final class ModelPayload {
    /** Name of the zip entry holding the model file. */
    public static final String ENTRY = "model.jind";

    private ModelPayload() {
    }

    /** Writes the model file to the current zip entry; the stream stays open (KNIME owns it). */
    public static void write(OutputStream out, byte[] modelFile) throws IOException {
        out.write(modelFile);
        out.flush();
    }

    /**
     * Reads the model file from the current zip entry and checks it (format, version, checksum) so that a
     * damaged workflow fails when it is loaded, with a sentence naming {@code what}.
     */
    public static byte[] read(InputStream in, String what) throws IOException {
        byte[] bytes = in.readAllBytes();
        try {
            ModelFile.fromBytes(bytes, what);
        } catch (JindException e) {
            throw new IOException(e.getMessage(), e);
        }
        return bytes;
    }
}
