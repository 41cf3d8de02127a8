// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.widget.number;

public sealed interface NumberInputWidgetValidation {
    default boolean isExclusive() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    abstract non-sealed class MinValidation implements NumberInputWidgetValidation {
        private MinValidation() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        public static final class IsNonNegativeValidation extends MinValidation {
            private IsNonNegativeValidation() {
                throw new UnsupportedOperationException("KNIME API stand-in");
            }
        }

        public static final class IsPositiveIntegerValidation extends MinValidation {
            private IsPositiveIntegerValidation() {
                throw new UnsupportedOperationException("KNIME API stand-in");
            }
        }
    }

    abstract non-sealed class MaxValidation implements NumberInputWidgetValidation {
        public MaxValidation() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        protected abstract double getMax();
    }
}
