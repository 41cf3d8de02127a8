package org.jind.core.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jind.core.JindException;
import org.jind.core.util.Errors;
import org.jind.core.util.AtomicFiles;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The container format of a JIND model: a readable magic line, a format version, a JSON header that describes
 * everything (including the list of arrays with their types and shapes), the arrays as little-endian raw data,
 * and a SHA-256 of all preceding bytes. Floats are stored as their exact bits, so a model loads back bit-exactly.
 */
public final class ModelFile {
    static final byte[] MAGIC = "JIND-MODEL\n".getBytes(StandardCharsets.US_ASCII);
    public static final int FORMAT_VERSION = 1;
    private static final int DIGEST_BYTES = 32;

    /** A named array: float or int data with a shape. */
    public record Tensor(long[] shape, float[] floats, int[] ints) {
        public static Tensor of(float[] data, long... shape) {
            return new Tensor(shape, data, null);
        }

        public static Tensor of(int[] data, long... shape) {
            return new Tensor(shape, null, data);
        }

        int length() {
            return floats != null ? floats.length : ints.length;
        }
    }

    /** Header plus arrays, as stored. */
    public record Content(JsonObject header, Map<String, Tensor> arrays) {
    }

    private ModelFile() {
    }

    public static byte[] toBytes(Content c) {
        JsonObject header = c.header().deepCopy();
        JsonArray dir = new JsonArray();
        for (Map.Entry<String, Tensor> e : c.arrays().entrySet()) {
            JsonObject a = new JsonObject();
            a.addProperty("name", e.getKey());
            a.addProperty("dtype", e.getValue().floats() != null ? "float32" : "int32");
            JsonArray shape = new JsonArray();
            Arrays.stream(e.getValue().shape()).forEach(shape::add);
            a.add("shape", shape);
            dir.add(a);
        }
        header.add("arrays", dir);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT_VERSION);
            byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
            out.writeInt(json.length);
            out.write(json);
            for (Tensor t : c.arrays().values()) {
                ByteBuffer buf = ByteBuffer.allocate(t.length() * 4).order(ByteOrder.LITTLE_ENDIAN);
                if (t.floats() != null) {
                    buf.asFloatBuffer().put(t.floats());
                } else {
                    buf.asIntBuffer().put(t.ints());
                }
                out.write(buf.array());
            }
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] all = Arrays.copyOf(body, body.length + DIGEST_BYTES);
            System.arraycopy(sha256(body, body.length), 0, all, body.length, DIGEST_BYTES);
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e); // in-memory streams do not fail
        }
    }

    /** Parses model bytes; {@code name} identifies the source in error messages. */
    public static Content fromBytes(byte[] b, String name) {
        if (b.length < MAGIC.length + 8 + DIGEST_BYTES || !Arrays.equals(Arrays.copyOf(b, MAGIC.length), MAGIC)) {
            throw new JindException(name + " is not a JIND model file.");
        }
        int bodyLength = b.length - DIGEST_BYTES;
        if (!Arrays.equals(sha256(b, bodyLength), Arrays.copyOfRange(b, bodyLength, b.length))) {
            throw new JindException(name + " is damaged (checksum mismatch): the file was truncated or altered."
                    + " Save or copy the model again.");
        }
        try {
            return parse(b, bodyLength, name);
        } catch (JindException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JindException(name + " is damaged: its header does not match its content.", e);
        }
    }

    private static Content parse(byte[] b, int bodyLength, String name) {
        ByteBuffer in = ByteBuffer.wrap(b, 0, bodyLength).order(ByteOrder.BIG_ENDIAN);
        in.position(MAGIC.length);
        int version = in.getInt();
        if (version < 1) {
            throw new JindException(name + " is not a valid JIND model file: its format version " + version
                    + " is not a version of the format (1 to " + FORMAT_VERSION + ").");
        }
        if (version > FORMAT_VERSION) {
            throw new JindException(name + " was written by a newer JIND (model format " + version
                    + "; this version reads up to " + FORMAT_VERSION + "). Update JIND to read it.");
        }
        int headerLength = in.getInt();
        if (headerLength < 0 || headerLength > in.remaining()) {
            throw new JindException(name + " is not a valid JIND model file: its header length " + headerLength
                    + " does not fit in the file.");
        }
        JsonObject header = JsonParser.parseString(new String(b, in.position(), headerLength, StandardCharsets.UTF_8))
                .getAsJsonObject();
        in.position(in.position() + headerLength);
        in.order(ByteOrder.LITTLE_ENDIAN);
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        for (var el : header.getAsJsonArray("arrays")) {
            JsonObject a = el.getAsJsonObject();
            JsonArray s = a.getAsJsonArray("shape");
            long[] shape = new long[s.size()];
            long n = 1;
            // the shape is checked against the bytes left before anything is allocated: an absurd shape is a
            // broken file, not a reason to run out of memory
            for (int i = 0; i < shape.length; i++) {
                shape[i] = s.get(i).getAsLong();
                if (shape[i] < 0 || shape[i] > 0 && n > in.remaining() / 4 / shape[i]) {
                    throw invalidShape(name, a, s, in.remaining());
                }
                n *= shape[i];
            }
            if (n * 4 > in.remaining()) {
                throw invalidShape(name, a, s, in.remaining());
            }
            if ("float32".equals(a.get("dtype").getAsString())) {
                float[] f = new float[(int) n];
                in.asFloatBuffer().get(f);
                arrays.put(a.get("name").getAsString(), new Tensor(shape, f, null));
            } else {
                int[] v = new int[(int) n];
                in.asIntBuffer().get(v);
                arrays.put(a.get("name").getAsString(), new Tensor(shape, null, v));
            }
            in.position(in.position() + (int) n * 4);
        }
        header.remove("arrays");
        return new Content(header, arrays);
    }

    private static JindException invalidShape(String name, JsonObject array, JsonArray shape, int remaining) {
        return new JindException(name + " is not a valid JIND model file: its array '" + array.get("name")
                .getAsString() + "' has the shape " + shape + ", which does not fit in the " + remaining
                + " bytes that follow.");
    }

    /** Writes atomically: a reader sees the old file or the complete new one. */
    public static void write(Content c, Path file) {
        try {
            AtomicFiles.write(file, toBytes(c));
        } catch (IOException e) {
            throw new JindException("Cannot write the model to " + file + ": " + Errors.describe(e) + ".", e);
        }
    }

    public static Content read(Path file) {
        try {
            return fromBytes(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new JindException("Model file not found: " + file + ".");
        } catch (IOException e) {
            throw new JindException("Cannot read the model " + file + ": " + Errors.describe(e) + ".", e);
        }
    }

    private static byte[] sha256(byte[] b, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
