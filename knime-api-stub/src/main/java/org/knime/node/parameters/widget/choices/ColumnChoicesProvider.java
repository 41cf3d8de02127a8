// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.widget.choices;

// KNIME's extends TypedStringChoicesProvider (a ChoicesStateProvider), which our code never names
public interface ColumnChoicesProvider extends ChoicesStateProvider<Object> {
}
