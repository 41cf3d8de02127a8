// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

public class PortObjectZipInputStream extends ZipInputStream {
    private PortObjectZipInputStream() {
        super((InputStream) null);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
