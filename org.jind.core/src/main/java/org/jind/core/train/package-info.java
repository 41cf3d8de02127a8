/**
 * Supervised training of the encoder and classifier on the source batch: the stratified validation split,
 * class weights, minibatches and the epoch loop with its early-stopping rule.
 */
package org.jind.core.train;
