// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.updates;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

@Retention(RetentionPolicy.RUNTIME)
public @interface Effect {
    enum EffectType {
        SHOW
    }

    Class<? extends EffectPredicateProvider> predicate();

    EffectType type();
}
