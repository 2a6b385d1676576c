@self-check
Feature: The harness can fail
  A test that cannot fail proves nothing. This runs a scenario that asserts something false against a
  real ensemble and expects it to fail with a message that names what was awaited and the deadline.

  Scenario: A scenario asserting something false fails and says why
    Then running "support/self-check/false-assertion.feature" fails with "Waited 500 ms for every running member to refuse a write, but it did not happen; last seen: writes still accepted via"
