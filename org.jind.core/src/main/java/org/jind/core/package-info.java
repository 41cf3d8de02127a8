/**
 * The JIND core's entry points ({@link org.jind.core.Jind}: train, align, self-train, annotate), the one error
 * type users see ({@link org.jind.core.JindException}, carrying the CLI's exit code) and the progress callback that
 * the CLI maps to its progress line and the KNIME nodes to their execution monitor. No KNIME imports here or below.
 */
package org.jind.core;
