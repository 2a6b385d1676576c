@fleet
Feature: Web nodes register in ZooKeeper and the gateway routes to them
  Each Jetty node registers itself with Curator's ServiceDiscovery under /fleet/services/web; the gateway
  watches that path and routes only to what is registered there.

  @smoke
  Scenario: Every node registers and the gateway routes to all of them
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    Then within 10 seconds exactly 3 Jetty nodes are registered
    And within 5 seconds the gateway routes only to node-1, node-2 and node-3
    And there is exactly one Jetty leader

  Scenario: A crashed node leaves the registry within the session bound and the gateway stops routing to it
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    When node-2 crashes
    Then within 10 seconds node-2 is no longer registered
    And within 5 seconds the gateway routes only to node-1 and node-3
    When node-2 is restarted
    Then within 30 seconds node-2 is registered again

  Scenario: A gracefully stopped node deregisters at once
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    When node-3 is stopped
    Then within 2 seconds node-3 is no longer registered
    And within 3 seconds the gateway routes only to node-1 and node-2
