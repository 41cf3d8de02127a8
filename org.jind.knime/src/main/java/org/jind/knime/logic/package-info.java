/**
 * The KNIME nodes' decisions without KNIME: which columns are genes and labels, output column names and specs,
 * model checks against a table, the model payload, streaming annotation of row chunks, scoring and reading
 * single-cell files into rows. Unit-tested without a KNIME runtime.
 */
package org.jind.knime.logic;
