# Not part of the suite: features/self-check.feature runs it and expects it to FAIL.
Feature: A false assertion
  Scenario: A healthy ensemble is said to refuse writes
    Given a ZooKeeper ensemble of 3 members
    Then within 500 ms the ensemble refuses writes
