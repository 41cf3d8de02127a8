package org.jind.knime.build;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.SortedSet;
import java.util.TreeSet;

import org.junit.Test;

/**
 * The KNIME API the compiled nodes use must be exactly the committed allow-list, so any new dependency on KNIME
 * is a visible, reviewed change (and the stand-in must follow it).
 */
public class KnimeApiAllowListTest {

    @Test
    public void compiledClassesUseExactlyTheAllowList() throws Exception {
        SortedSet<String> used = KnimeApiUsage.of(Build.classes());
        // the scan itself works: the node models are KNIME NodeModels (through WebUINodeModel)
        assertTrue(used.toString(), used.contains("class org/knime/core/node/NodeModel"));
        assertTrue(used.toString(), used.contains("override org/knime/core/webui/node/impl/WebUINodeModel.reset()V"));
        if (System.getProperty(Build.WRITE_PROPERTY) != null) {
            Build.writeAllowList(used);
            System.out.println("Wrote " + used.size() + " entries to " + Build.allowList());
            return;
        }
        SortedSet<String> listed = Build.readAllowList();
        SortedSet<String> added = new TreeSet<>(used);
        added.removeAll(listed);
        SortedSet<String> gone = new TreeSet<>(listed);
        gone.removeAll(used);
        if (!added.isEmpty() || !gone.isEmpty()) {
            fail("The KNIME API used by org.jind.knime differs from knime-api-allowlist.txt.\n"
                    + (added.isEmpty() ? "" : "Used but not listed (check them in KNIME's sources):\n  "
                            + String.join("\n  ", added) + "\n")
                    + (gone.isEmpty() ? "" : "Listed but no longer used:\n  " + String.join("\n  ", gone) + "\n")
                    + "Regenerate with: mvn -o test -pl org.jind.knime -D" + Build.WRITE_PROPERTY
                    + " (and update knime-api-stub to match).");
        }
    }
}
