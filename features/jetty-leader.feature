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

  Scenario: A crashed Jetty follower does not take the leadership away
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    When a Jetty follower crashes
    Then for 2 seconds the Jetty leader does not change

  Scenario: A Jetty leader cut off from ZooKeeper steps down before another one takes over
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    When the Jetty leader is cut off from ZooKeeper
    Then within 15 seconds a new Jetty leader is elected
    And within 5 seconds exactly 2 Jetty nodes are registered

  Scenario: Leadership kept until the session is lost overlaps the next leader, and the history shows it
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    And the Jetty nodes keep leadership until their ZooKeeper session is lost
    When the Jetty leader is cut off from ZooKeeper
    Then within 15 seconds a new Jetty leader is elected
    And the history shows two Jetty leaders at once
