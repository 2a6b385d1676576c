@zookeeper @disks
Feature: Slow and full disks on ZooKeeper members
  A shim preloaded in the ZooKeeper image makes a member's fsyncs slow or its data directory full at run time;
  the member's data stays on its own filesystem, so it survives kill, stop and restart, and so does the fault,
  until the member's disk is healthy again.

  Scenario: One member with a slow disk changes nothing; two slow every write
    Given a ZooKeeper ensemble of 3 members
    When zk-1's disk becomes slow (each fsync takes 500 ms)
    Then the median write to the ensemble takes less than 100 ms
    When zk-2's disk becomes slow (each fsync takes 500 ms)
    Then the median write to the ensemble takes at least 450 ms
    When zk-1's disk is healthy again
    Then the median write to the ensemble takes less than 100 ms

  Scenario: A follower whose fsyncs outlast syncLimit × tickTime is dropped and comes back when its disk recovers
    Given a ZooKeeper ensemble of 3 members
    And a register workload through every member
    When a ZooKeeper follower's disk becomes slow (each fsync takes 3 seconds)
    Then within 20 seconds the ensemble has exactly one leader and 1 follower
    When a ZooKeeper follower's disk is healthy again
    Then within 20 seconds the ensemble has exactly one leader and 2 followers
    And the register history is linearizable

  Scenario: A leader whose disk is full is replaced, and rejoins with every acknowledged write once it has space
    Given a ZooKeeper ensemble of 3 members
    And a register workload through every member
    When the ZooKeeper leader's disk is full
    Then within 10 seconds the ensemble elects a new leader
    When the ZooKeeper leader's disk is healthy again
    Then within 20 seconds the ensemble has exactly one leader and 2 followers
    And the register history is linearizable

  Scenario: A member restarted while its disk is full comes back with every acknowledged write once it has space
    Given a ZooKeeper ensemble of 3 members
    And a register workload through every member
    When zk-3's disk is full
    And zk-3 is restarted
    Then within 10 seconds the ensemble has a leader and accepts writes
    When zk-3's disk is healthy again
    And zk-3 is restarted
    Then within 20 seconds the ensemble has exactly one leader and 2 followers
    And the register history is linearizable
