# Not part of the suite: features/self-check.feature runs it and expects it to FAIL.
Feature: An undefined step
  Scenario: A phrase the vocabulary does not have
    Given a ZooKeeper ensemble of 3 members
    When the moon turns blue
