@fleet @zookeeper
Feature: The fleet comes back after losing its whole ensemble
  When no quorum is left, every node loses its ZooKeeper session. A node counts as registered again only
  when its znode is owned by its new session: the znodes of the sessions it gave up stay until the ensemble
  expires them, and they do not count.

  Scenario: Every ZooKeeper member is stopped and restarted
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    When zk-1 is stopped
    And zk-2 is stopped
    And zk-3 is stopped
    Then within 5 seconds the ensemble refuses writes
    And within 15 seconds every Jetty node has lost its ZooKeeper session
    When zk-1 is restarted
    And zk-2 is restarted
    And zk-3 is restarted
    Then within 30 seconds exactly 3 Jetty nodes are registered
    And within 10 seconds there is exactly one Jetty leader
    And within 10 seconds the gateway routes only to node-1, node-2 and node-3

  Scenario: A partition that leaves no side a quorum, then heals
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    When the network is partitioned into zk-1 and node-1 | zk-2 and node-2 | zk-3 and node-3
    Then within 10 seconds the ensemble refuses writes
    And within 15 seconds every Jetty node has lost its ZooKeeper session
    When the network heals
    Then within 30 seconds exactly 3 Jetty nodes are registered
    And within 10 seconds there is exactly one Jetty leader
    And within 10 seconds the ensemble has exactly one leader and 2 followers

  Scenario: A node restarted while the ensemble has no quorum registers once the quorum is back
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    When zk-1 is stopped
    And zk-2 is stopped
    And node-2 is restarted
    Then within 5 seconds the ensemble refuses writes
    When zk-1 is restarted
    Then within 15 seconds node-2 is registered again
    And within 30 seconds exactly 3 Jetty nodes are registered
    And within 10 seconds there is exactly one Jetty leader
    And within 10 seconds the gateway routes only to node-1, node-2 and node-3
