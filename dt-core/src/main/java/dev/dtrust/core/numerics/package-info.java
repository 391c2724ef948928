/**
 * Bit-exact re-implementations of the numeric behaviour of Python 3.11, numpy 1.24 and pandas 1.5 that upstream
 * DecodingTrust relies on (spec {@code numerics.md}): summation orders, rounding modes, float printing and parsing,
 * and the Mersenne-Twister random generators.
 */
package dev.dtrust.core.numerics;
