package se.conformance.reports;

/**
 * Versions of the tools a run used, so an approver can reproduce it.
 *
 * @param simulatorVersion the simulator's version
 * @param harnessVersion   the harness's version
 */
public record Versions(String simulatorVersion, String harnessVersion) {}
