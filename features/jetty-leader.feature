@fleet
Feature: The Jetty nodes keep exactly one leader
  The nodes elect a leader with Curator's LeaderLatch on /fleet/leader. A crashed leader's latch znode goes
  with its session, and the next participant takes over.

  Scenario: The Jetty leader crashes and a new one is elected
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    When the Jetty leader crashes
    Then within 10 seconds a new Jetty leader is elected
    And there is exactly one Jetty leader
    And within 10 seconds exactly 2 Jetty nodes are registered
