/**
 * Small shared helpers: atomic file writes, error descriptions for messages, singular and plural counts.
 */
package org.jind.core.util;
