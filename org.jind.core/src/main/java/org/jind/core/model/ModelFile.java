package org.jind.core.model;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
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
    /** Values converted to bytes at a time when writing. */
    private static final int CHUNK_VALUES = 16_384;

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
        byte[] json = headerJson(c);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.toIntExact(length(c, json)));
        try {
            writeTo(c, json, bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e); // in-memory streams do not fail
        }
        return bytes.toByteArray();
    }

    /** The file's length: magic, version, header length and header, the arrays, the checksum. */
    private static long length(Content c, byte[] json) {
        long n = MAGIC.length + 8L + json.length + DIGEST_BYTES;
        for (Tensor t : c.arrays().values()) {
            n += 4L * t.length();
        }
        return n;
    }

    /** The header with the list of arrays (names, types, shapes), as UTF-8 JSON. */
    private static byte[] headerJson(Content c) {
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
        return header.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the file's bytes to {@code sink}, the checksum taken over them as they pass: no copy of the whole file
     * is made (a model is megabytes, an aligned one about 15 MB on PBMC).
     */
    private static void writeTo(Content c, byte[] json, OutputStream sink) throws IOException {
        MessageDigest md = sha256();
        DataOutputStream out = new DataOutputStream(new DigestOutputStream(sink, md));
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeInt(json.length);
        out.write(json);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK_VALUES * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor t : c.arrays().values()) {
            for (int from = 0; from < t.length(); from += CHUNK_VALUES) {
                int n = Math.min(CHUNK_VALUES, t.length() - from);
                buf.clear();
                if (t.floats() != null) {
                    buf.asFloatBuffer().put(t.floats(), from, n);
                } else {
                    buf.asIntBuffer().put(t.ints(), from, n);
                }
                out.write(buf.array(), 0, n * 4);
            }
        }
        out.flush();
        sink.write(md.digest());
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
        byte[] json = headerJson(c);
        try {
            AtomicFiles.writeStream(file, out -> {
                BufferedOutputStream buffered = new BufferedOutputStream(out, CHUNK_VALUES * 4);
                writeTo(c, json, buffered);
                buffered.flush();
            });
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
        MessageDigest md = sha256();
        md.update(b, 0, length);
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
