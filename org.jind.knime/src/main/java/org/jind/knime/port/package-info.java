/**
 * The JIND model port: the port object (the core model file as payload) and its spec (genes, cell types, stage).
 */
package org.jind.knime.port;
