/**
 * Python 3.11 string semantics the port must reproduce: {@code str.lower}, {@code repr} of a str, and reading the
 * Python literals ({@code ast.literal_eval} subset) that upstream writes into recorded files.
 */
package dev.dtrust.core.python;
