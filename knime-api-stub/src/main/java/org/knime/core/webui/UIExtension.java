// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui;

import org.knime.core.webui.page.Page;

public interface UIExtension {
    Page getPage();
}
