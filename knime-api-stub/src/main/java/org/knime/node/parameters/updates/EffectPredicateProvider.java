// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.updates;

@FunctionalInterface
public interface EffectPredicateProvider {
    EffectPredicate init(PredicateInitializer i);

    interface PredicateInitializer {
        BooleanReference getBoolean(Class<? extends ParameterReference<Boolean>> reference);

        <E extends Enum<E>> EnumReference<E> getEnum(Class<? extends ParameterReference<E>> reference);

        interface BooleanReference {
            EffectPredicate isTrue();
        }

        interface EnumReference<E extends Enum<E>> {
            @SuppressWarnings("unchecked")
            EffectPredicate isOneOf(E... values);
        }
    }
}
