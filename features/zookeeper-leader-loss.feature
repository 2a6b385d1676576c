@zookeeper
Feature: The ensemble survives the loss of its leader
  ZooKeeper's FastLeaderElection replaces a lost leader; with tickTime 500 ms this takes well under a second
  for a crash, and tickTime x syncLimit (2 s) plus an election for a leader that stops answering.

  @smoke
  Scenario: The ZooKeeper leader is killed
    Given a ZooKeeper ensemble of 3 members
    When the ZooKeeper leader is killed
    Then within 5 seconds the ensemble elects a new leader
    And within 10 seconds the ensemble has a leader and accepts writes

  Scenario: A paused ZooKeeper leader is replaced
    Given a ZooKeeper ensemble of 3 members
    When the ZooKeeper leader is paused
    Then within 10 seconds the ensemble elects a new leader
    And within 10 seconds the ensemble has a leader and accepts writes
    When the ZooKeeper leader is resumed
    Then within 15 seconds the ensemble has a leader and accepts writes
