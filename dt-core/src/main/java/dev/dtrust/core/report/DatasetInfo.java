package dev.dtrust.core.report;

/**
 * The data a run read.
 *
 * @param root   the data root as given
 * @param sha256 the hash of the files read ({@code DataRoot#datasetSha256})
 * @param files  how many files were read
 */
public record DatasetInfo(String root, String sha256, int files) {}
