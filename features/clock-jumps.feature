@clocks
Feature: Wall-clock jumps on one process
  libfaketime, preloaded in the ZooKeeper and web node images, moves one process's wall clock by the hours asked
  while its monotonic clock runs on. ZooKeeper tracks sessions, and Curator's latch and the web node's lease
  their timeouts, on the monotonic clock, so neither a member's nor a node's jump should change anything.

  Scenario: ZooKeeper members whose clocks jump keep every session, registration and leader
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    And steady traffic through the gateway
    When zk-1's clock jumps 1 hour ahead
    And zk-2's clock jumps 1 hour back
    Then for 6 seconds the Jetty leader does not change
    And exactly 3 Jetty nodes are registered
    And no request through the gateway failed
    When zk-1's clock is right again
    And zk-2's clock is right again
    Then for 3 seconds the Jetty leader does not change

  Scenario: A Jetty leader whose clock jumps back and ahead keeps its registration and leadership
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes
    When the Jetty leader's clock jumps 1 hour back
    Then for 6 seconds the Jetty leader does not change
    When the Jetty leader's clock is right again
    And the Jetty leader's clock jumps 2 hours ahead
    Then for 6 seconds the Jetty leader does not change
    And exactly 3 Jetty nodes are registered

  # Curator's simulated session expiry (ConnectionStateManager) counts a suspension on the wall clock, so a clock
  # moved back during one would put LOST off. ZooKeeper 3.9's client, though, expires its own session once it has
  # heard from no server for 4/3 of the session (ZOOKEEPER-4508), timed on the monotonic clock, and that comes
  # before Curator's check: the node still learns of the loss on time.
  Scenario: A node whose clock jumps back while it is cut off from ZooKeeper still reports its session lost on time
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes
    When node-1 is cut off from ZooKeeper
    Then within 5 seconds node-1 reports its ZooKeeper connection suspended
    When node-1's clock jumps 1 hour back
    Then within 5 seconds node-1 has lost its ZooKeeper session
    When the network heals
    Then within 10 seconds node-1 is registered again
    And within 10 seconds there is exactly one Jetty leader
