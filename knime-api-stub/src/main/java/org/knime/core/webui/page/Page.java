// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.page;

import java.util.function.Supplier;

public class Page {
    private Page() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static RequireFromFileOrString create() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public interface RequireFromFileOrString {
        RequireRelativePath fromString(StringSupplier content);
    }

    public interface RequireRelativePath {
        Page relativePath(String relativePath);
    }

    public interface StringSupplier extends Supplier<String> {
    }
}
