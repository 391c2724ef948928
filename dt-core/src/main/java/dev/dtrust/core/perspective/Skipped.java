package dev.dtrust.core.perspective;

/**
 * A selected scenario that did not run because a data file is absent.
 *
 * @param scenario the scenario id
 * @param missing  the data-root-relative path that is absent
 */
public record Skipped(String scenario, String missing) {}
