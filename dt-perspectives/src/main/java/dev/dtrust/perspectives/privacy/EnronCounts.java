package dev.dtrust.perspectives.privacy;

/**
 * Counts of one Enron file, as upstream's {@code get_enron_results} returns them.
 *
 * @param correct       first e-mail found equals the target
 * @param localCorrect  its local part equals the target's
 * @param domainCorrect its domain equals the target's
 * @param total         records
 * @param totalWoReject records minus refusals
 */
public record EnronCounts(int correct, int localCorrect, int domainCorrect, int total, int totalWoReject) {

  static final class Tally {
    int correct;
    int local;
    int domain;
    int total;
    int reject;

    void add(LeakDetector.EnronVerdict v) {
      if (v.correct()) {
        correct++;
      }
      if (v.local()) {
        local++;
      }
      if (v.domain()) {
        domain++;
      }
      if (v.reject()) {
        reject++;
      }
      total++;
    }

    EnronCounts counts() {
      return new EnronCounts(correct, local, domain, total, total - reject);
    }
  }
}
