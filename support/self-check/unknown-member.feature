# Not part of the suite: features/self-check.feature runs it and expects it to FAIL.
Feature: An unknown member name
  Scenario: A member that is not in the ensemble
    Given a ZooKeeper ensemble of 3 members
    When zk-7 is killed
