/**
 * The toxicity scorer SPI: {@link dev.dtrust.core.toxicity.ToxicityScorer} and the scorers that
 * need nothing but the core (the deterministic test scorer and the replay of recorded scores).
 */
package dev.dtrust.core.toxicity;
