// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.widget.choices;

// KNIME's is sealed and extends StateProvider<List<S>>; our code names neither
public interface ChoicesStateProvider<S> {
}
