@zookeeper @registers
Feature: ZooKeeper keeps its promises to the fleet, checked as a register history
  A client of the harness's own is pinned to each member; together they read, write and compare-and-set
  znode registers while faults happen, and the history of their operations is checked for linearizability.
  ZooKeeper promises linearizable writes, and a read after sync is linearizable too; a plain read is served
  by whichever member the client is connected to, which may have fallen behind.

  Scenario: Sync'ed reads and writes stay linearizable through a ZooKeeper leader kill
    Given a ZooKeeper ensemble of 3 members
    And a register workload through every member
    When the ZooKeeper leader is killed
    Then within 10 seconds the ensemble has a leader and accepts writes
    And the register history is linearizable

  Scenario: Sync'ed reads and writes stay linearizable while followers die and come back
    Given a ZooKeeper ensemble of 3 members
    And a register workload through every member
    When a ZooKeeper follower is killed
    Then within 10 seconds the ensemble has a leader and accepts writes
    When a ZooKeeper follower is restarted
    Then within 20 seconds the ensemble has exactly one leader and 2 followers
    When a ZooKeeper follower is restarted
    Then within 20 seconds the ensemble has exactly one leader and 2 followers
    And the register history is linearizable

  Scenario: Sync'ed reads from a follower cut off from the others stay linearizable
    Given a ZooKeeper ensemble of 3 members
    And a register workload through every member
    When a ZooKeeper follower is isolated from the other members
    Then within 10 seconds the ensemble has exactly one leader and 1 follower
    And the register history is linearizable

  Scenario: Plain reads from a follower cut off from the others are stale until it notices
    Given a ZooKeeper ensemble of 3 members
    And a register workload through every member with plain reads
    When a ZooKeeper follower is isolated from the other members
    Then within 10 seconds the ensemble has exactly one leader and 1 follower
    And the register history is not linearizable
