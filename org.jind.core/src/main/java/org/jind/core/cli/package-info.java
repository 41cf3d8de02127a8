/**
 * The command-line program ({@code ./jind}): picocli commands that map options to the core's settings and the
 * core's concepts back to the option the user typed, the predictions CSV, reports, benchmarks and the demo.
 */
package org.jind.core.cli;
