@zookeeper @five-members
Feature: Quorum arithmetic of a five-member ensemble
  Five members tolerate the loss of two; losing a third takes the quorum away until one comes back.

  Scenario: Five members survive the loss of two, the leader among them
    Given a ZooKeeper ensemble of 5 members
    When the ZooKeeper leader is killed
    And a ZooKeeper follower is killed
    Then within 10 seconds the ensemble has a leader and accepts writes

  Scenario: Losing three of five refuses writes until one is restarted
    Given a ZooKeeper ensemble of 5 members
    When zk-1 is killed
    And zk-2 is stopped
    And zk-3 is killed
    Then within 10 seconds the ensemble refuses writes
    When zk-2 is restarted
    Then within 20 seconds the ensemble has a leader and accepts writes

  Scenario: Three lost members brought back all rejoin the ensemble
    Given a ZooKeeper ensemble of 5 members
    When zk-1 is killed
    And zk-2 is stopped
    And zk-3 is killed
    And zk-1 is restarted
    And zk-2 is restarted
    And zk-3 is restarted
    Then within 10 seconds the ensemble has exactly one leader and 4 followers
