package org.jind.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.jhdf.BufferBuilder;
import io.jhdf.api.Attribute;
import io.jhdf.api.Node;
import io.jhdf.api.WritableNode;
import io.jhdf.exceptions.UnsupportedHdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.message.DataSpace;
import io.jhdf.storage.HdfBackingStorage;

/**
 * The attributes anndata needs that jHDF's {@code putAttribute} cannot write: an HDF5 boolean as h5py writes numpy's
 * bool, an enum of int8 with FALSE = 0 and TRUE = 1 (jHDF writes a Java boolean as a bit field, which h5py reads as
 * uint8, and anndata 0.8 then refuses a categorical's {@code ordered}); and an empty array, a float64 array of length
 * 0 as h5py writes an empty list (jHDF cannot write an empty array; the AnnData data frame needs
 * {@code column-order} even without columns). They go into the node's attribute map, from which jHDF writes every
 * attribute's datatype, dataspace and value as the attribute gives them.
 */
final class Hdf5Attributes {
    private Hdf5Attributes() {
    }

    static void putBoolean(WritableNode node, String name, boolean value) {
        node.getAttributes().put(name, new Given(node, name, BOOLEAN, DataSpace.fromObject(value),
                new byte[] {(byte) (value ? 1 : 0)}));
    }

    static void putEmptyArray(WritableNode node, String name) {
        node.getAttributes().put(name, new Given(node, name, new Described(FloatingPoint.DOUBLE.toBuffer().array()),
                DataSpace.fromObject(new double[0]), new byte[0]));
    }

    /**
     * h5py's boolean: a version-1 enumeration (class 8) of 2 members, 1 byte, over a signed 1-byte integer; the
     * names null-padded to 8 bytes, then the values.
     */
    private static final Described BOOLEAN = new Described(new BufferBuilder()
            .writeByte(8 | 1 << 4).writeByte(2).writeByte(0).writeByte(0).writeInt(1)
            .writeBuffer(new FixedPoint(1).toBuffer())
            .writeBytes("FALSE\0\0\0".getBytes(StandardCharsets.US_ASCII))
            .writeBytes("TRUE\0\0\0\0".getBytes(StandardCharsets.US_ASCII))
            .writeByte(0).writeByte(1).build().array());

    /**
     * A datatype given by its encoded description (the datatype message); the attribute message writes that
     * description, and the value bytes the attribute gives.
     */
    private static final class Described extends DataType {
        private final byte[] description;

        Described(byte[] description) {
            super(description[0] & 0x0f, ByteBuffer.wrap(description, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
            this.description = description;
        }

        @Override
        public ByteBuffer toBuffer() {
            return ByteBuffer.wrap(description);
        }

        @Override
        public ByteBuffer encodeData(Object data) {
            return ByteBuffer.wrap((byte[]) data);
        }

        @Override
        public Class<?> getJavaType() {
            return byte.class;
        }

        @Override
        public Object fillData(ByteBuffer buffer, int[] dimensions, HdfBackingStorage storage) {
            throw new UnsupportedHdfException("written only");
        }
    }

    /** An attribute whose datatype, dataspace and value bytes are given. */
    private record Given(Node node, String name, DataType type, DataSpace space, byte[] value) implements Attribute {

        @Override
        public Node getNode() {
            return node;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public long getSize() {
            return space.getTotalLength();
        }

        @Override
        public long getSizeInBytes() {
            return value.length;
        }

        @Override
        public int[] getDimensions() {
            return space.getDimensions();
        }

        @Override
        public Object getData() {
            return value;
        }

        @Override
        public Class<?> getJavaType() {
            return type.getJavaType();
        }

        @Override
        public boolean isScalar() {
            return space.getDimensions().length == 0;
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public ByteBuffer getBuffer() {
            return ByteBuffer.wrap(value);
        }

        @Override
        public DataSpace getDataSpace() {
            return space;
        }

        @Override
        public DataType getDataType() {
            return type;
        }
    }
}
