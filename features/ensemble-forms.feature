@zookeeper @smoke
Feature: A ZooKeeper ensemble forms
  The harness starts a real ensemble in containers; before anything else it must have one leader,
  the other members following, and accept writes.

  Scenario: Three members elect one leader and accept writes
    Given a ZooKeeper ensemble of 3 members
    Then the ensemble has exactly one leader and 2 followers
    And within 5 seconds the ensemble has a leader and accepts writes
