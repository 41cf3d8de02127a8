// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

public class PortObjectZipOutputStream extends ZipOutputStream {
    private PortObjectZipOutputStream() {
        super((OutputStream) null);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
