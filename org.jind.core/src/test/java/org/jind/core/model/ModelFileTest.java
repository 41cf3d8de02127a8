package org.jind.core.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.Progress;
import org.jind.core.data.Dataset;
import org.jind.core.nn.Param;
import org.jind.core.nn.Tensors;
import org.jind.core.testutil.TestData;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ModelFileTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static JindModel model;

    @BeforeClass
    public static void train() {
        Dataset source = TestData.twoBatches().selectBatch("batch", "batch0");
        model = Jind.train(source, "cell_type", null, new TrainSettings(200, 2, 64, 1e-3, 0.2, 3), Progress.NONE);
    }

    @Test
    public void roundTripIsBitExact() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("m.jind");
        model.save(f);
        JindModel back = JindModel.load(f);
        assertArrayEquals(model.classes, back.classes);
        assertArrayEquals(model.plan.selectedGenes(), back.plan.selectedGenes());
        assertArrayEquals(model.plan.libraryGenes(), back.plan.libraryGenes());
        assertEquals(model.plan.counts(), back.plan.counts());
        assertEquals(model.labelKey, back.labelKey);
        assertEquals(model.stage, back.stage);
        assertEquals(model.trainSettings, back.trainSettings);
        assertEquals(model.history, back.history);
        List<Param> a = model.net.params();
        List<Param> b = back.net.params();
        for (int i = 0; i < a.size(); i++) {
            float[] x = Tensors.toArray(a.get(i).value);
            float[] y = Tensors.toArray(b.get(i).value);
            for (int j = 0; j < x.length; j++) {
                assertEquals(Float.floatToRawIntBits(x[j]), Float.floatToRawIntBits(y[j]));
            }
        }
        assertArrayEquals(model.validation.probabilities(), back.validation.probabilities(), 0f);
        assertArrayEquals(model.validation.labels(), back.validation.labels());
        assertArrayEquals(model.sourceCodes, back.sourceCodes, 0f);
        // and the bytes of a re-save are identical
        assertArrayEquals(model.toBytes(), back.toBytes());
    }

    @Test
    public void damagedFilesAreRefusedWithAClearMessage() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("m.jind");
        model.save(f);
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 1;
        Path damaged = tmp.getRoot().toPath().resolve("damaged.jind");
        Files.write(damaged, b);
        expectError(damaged, "damaged (checksum mismatch)");
        Path truncated = tmp.getRoot().toPath().resolve("truncated.jind");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(f), 1000));
        expectError(truncated, "damaged");
        Path foreign = tmp.getRoot().toPath().resolve("foreign.jind");
        Files.writeString(foreign, "cell_id,gene\nc1,3\n");
        expectError(foreign, "is not a JIND model file");
        expectError(tmp.getRoot().toPath().resolve("absent.jind"), "not found");
    }

    @Test
    public void modelsWrittenWhenThreadsWereASettingStillLoad() {
        // model files before the thread count became a process setting hold "threads" in their settings
        ModelFile.Content c = ModelFile.fromBytes(model.toBytes(), "m.jind");
        c.header().getAsJsonObject("trainSettings").addProperty("threads", 4);
        JindModel old = JindModel.fromBytes(ModelFile.toBytes(c), "old.jind");
        assertEquals(model.trainSettings, old.trainSettings);
    }

    @Test
    public void aTrainedFileLoadsAsATrainedModelAndAStageWithoutItsGeneratorIsDamaged() {
        JindModel back = JindModel.fromBytes(model.toBytes(), "m.jind");
        assertFalse(back instanceof AlignedModel);
        assertEquals(Stage.TRAINED, back.stage);
        ModelFile.Content c = ModelFile.fromBytes(model.toBytes(), "m.jind");
        c.header().addProperty("stage", "ALIGNED");
        c.header().add("alignment", new com.google.gson.JsonObject()); // the header is complete, the arrays are not
        try {
            JindModel.fromBytes(ModelFile.toBytes(c), "edited.jind");
            fail();
        } catch (JindException e) {
            assertEquals("edited.jind is damaged: it is aligned but lacks a generator.", e.getMessage());
        }
    }

    @Test
    public void anArrayShapeThatCannotFitInTheFileIsRefusedBeforeAnythingIsAllocated() {
        // checksummed files whose header gives encoder.W an absurd shape: 4·10¹⁸ values, 4 GB, a negative size
        for (long[] shape : new long[][] {{2_000_000_000L, 2_000_000_000L}, {1_000_000_000L}, {-1, 256}}) {
            ModelFile.Content c = ModelFile.fromBytes(model.toBytes(), "m.jind");
            ModelFile.Tensor w = c.arrays().get("encoder.W");
            c.arrays().put("encoder.W", new ModelFile.Tensor(shape, w.floats(), null));
            byte[] b = ModelFile.toBytes(c);
            try {
                JindModel.fromBytes(b, "absurd.jind");
                fail("shape " + java.util.Arrays.toString(shape));
            } catch (JindException e) {
                String shown = java.util.Arrays.toString(shape).replace(" ", "");
                assertTrue(e.getMessage(), e.getMessage().startsWith("absurd.jind is not a valid JIND model file: its"
                        + " array 'encoder.W' has the shape " + shown + ", which does not fit in the "));
                assertEquals("bad input, not an internal error", JindException.BAD_INPUT, e.exitCode());
            }
        }
    }

    @Test
    public void newerFormatVersionsAreRefused() throws Exception {
        byte[] b = model.toBytes();
        // bump the version that follows the magic line and re-seal the checksum
        java.nio.ByteBuffer.wrap(b).putInt(ModelFile.MAGIC.length, ModelFile.FORMAT_VERSION + 1);
        byte[] body = java.util.Arrays.copyOf(b, b.length - 32);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
        System.arraycopy(digest, 0, b, b.length - 32, 32);
        try {
            JindModel.fromBytes(b, "future.jind");
            fail();
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("newer JIND"));
        }
    }

    @Test
    public void savingIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("m.jind");
        Files.writeString(f, "old content");
        model.save(f);
        assertEquals(model.toBytes().length, Files.size(f));
        try (var files = Files.list(tmp.getRoot().toPath())) {
            assertEquals(List.of("m.jind"), files.map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("old"));
    }

    @Test
    public void theFileIsLaidOutByteForByteAsTheFormatSaysWhetherSavedOrInMemory() throws Exception {
        // arrays longer than the writer's chunk and of lengths that are no multiple of it, floats with special bits
        float[] w = new float[40_005];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i) * 1e-3f;
        }
        w[7] = Float.NaN;
        w[8] = -0f;
        w[9] = Float.intBitsToFloat(1); // the smallest subnormal
        int[] labels = new int[16_385];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i * 31 - 7;
        }
        java.util.Map<String, ModelFile.Tensor> arrays = new java.util.LinkedHashMap<>();
        arrays.put("w", ModelFile.Tensor.of(w, 3, 13_335));
        arrays.put("labels", ModelFile.Tensor.of(labels, labels.length));
        arrays.put("empty", ModelFile.Tensor.of(new float[0], 0));
        com.google.gson.JsonObject header = new com.google.gson.JsonObject();
        header.addProperty("stage", "TRAINED");
        header.addProperty("note", "Zellen ä");
        ModelFile.Content c = new ModelFile.Content(header, arrays);

        // the format, built here by hand: magic line, version and header length (big-endian), the header JSON with
        // its list of arrays, each array's values little-endian, and the SHA-256 of everything before
        String json = "{\"stage\":\"TRAINED\",\"note\":\"Zellen ä\",\"arrays\":["
                + "{\"name\":\"w\",\"dtype\":\"float32\",\"shape\":[3,13335]},"
                + "{\"name\":\"labels\",\"dtype\":\"int32\",\"shape\":[16385]},"
                + "{\"name\":\"empty\",\"dtype\":\"float32\",\"shape\":[0]}]}";
        byte[] jsonBytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer body = java.nio.ByteBuffer.allocate(11 + 8 + jsonBytes.length + 4 * (w.length
                + labels.length));
        body.put("JIND-MODEL\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(1)
                .putInt(jsonBytes.length).put(jsonBytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : w) {
            body.putInt(Float.floatToRawIntBits(v));
        }
        for (int v : labels) {
            body.putInt(v);
        }
        byte[] expected = java.util.Arrays.copyOf(body.array(), body.capacity() + 32);
        System.arraycopy(java.security.MessageDigest.getInstance("SHA-256").digest(body.array()), 0, expected,
                body.capacity(), 32);

        assertArrayEquals(expected, ModelFile.toBytes(c));
        Path f = tmp.getRoot().toPath().resolve("laid-out.jind");
        ModelFile.write(c, f);
        assertArrayEquals(expected, Files.readAllBytes(f));
        ModelFile.Content back = ModelFile.read(f);
        assertEquals(header, back.header());
        assertArrayEquals(labels, back.arrays().get("labels").ints());
        float[] wBack = back.arrays().get("w").floats();
        for (int i = 0; i < w.length; i++) {
            assertEquals(Float.floatToRawIntBits(w[i]), Float.floatToRawIntBits(wBack[i]));
        }
        // one flipped bit in the last array's values, after the streamed part, is still caught by the checksum
        byte[] damaged = expected.clone();
        damaged[expected.length - 33] ^= 0x10;
        try {
            ModelFile.fromBytes(damaged, "flipped.jind");
            fail();
        } catch (JindException e) {
            assertEquals("flipped.jind is damaged (checksum mismatch): the file was truncated or altered. Save or copy"
                    + " the model again.", e.getMessage());
        }
    }

    private static void expectError(Path f, String fragment) {
        try {
            JindModel.load(f);
            fail("expected an error for " + f);
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(fragment));
            assertFalse(e.getMessage().contains("\n"));
        }
    }
    @Test
    public void theMatrixAndValueTypeAreRecordedAndFilesWithoutThemLoadAsBefore() {
        assertEquals(org.jind.core.prep.ValueType.COUNTS, model.plan.values());
        JindModel raw = new JindModel(model.labelKey, model.classes, model.plan.withMatrix(
                org.jind.core.data.MatrixChoice.RAW), model.net, model.validation, model.trainSettings, model.history,
                model.provenance, model.sourceCodes, model.sourceCodeLabels);
        ModelFile.Content c = raw.encode();
        assertEquals("raw", c.header().get("matrix").getAsString());
        assertEquals("counts", c.header().get("valueType").getAsString());
        JindModel back = JindModel.fromBytes(ModelFile.toBytes(c), "raw.jind");
        assertEquals(org.jind.core.data.MatrixChoice.RAW, back.plan.matrix());
        assertEquals(org.jind.core.prep.ValueType.COUNTS, back.plan.values());
        assertTrue(back.describe(), back.describe().endsWith("trained on raw counts (raw)"));

        // a file written before either was recorded: its matrix is not known, 'counts' tells the value type
        c.header().remove("matrix");
        c.header().remove("valueType");
        c.header().addProperty("counts", false);
        JindModel old = JindModel.fromBytes(ModelFile.toBytes(c), "old.jind");
        assertEquals(null, old.plan.matrix());
        assertEquals(org.jind.core.prep.ValueType.NOT_COUNTS, old.plan.values());

        c.header().addProperty("valueType", "counts"); // contradicts counts: false
        try {
            JindModel.fromBytes(ModelFile.toBytes(c), "bad.jind");
            fail();
        } catch (JindException e) {
            assertEquals("bad.jind is not a valid JIND model file: its value type 'counts' is unknown or contradicts"
                    + " 'counts' (known: counts, normalised, scaled).", e.getMessage());
        }
    }
}
