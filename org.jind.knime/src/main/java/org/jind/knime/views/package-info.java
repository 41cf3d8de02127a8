/**
 * What KNIME users see of JIND in the desktop UI: the model port's view and the node views, Swing components
 * drawing the core's figures ({@code org.jind.core.plot}). Nothing here is created during execution, so headless
 * executors never touch a display: nodes keep figure <em>data</em> (saved with the workflow), and the figures are
 * drawn only when a view opens, at the size of its window.
 */
package org.jind.knime.views;
