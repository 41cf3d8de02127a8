// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.util.filter;

public class NameFilterConfiguration {
    private NameFilterConfiguration() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static class FilterResult {
        private FilterResult() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        public String[] getIncludes() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }
}
