// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.dialog.defaultdialog.internal.file;

public enum FileSystemOption {
    LOCAL
}
