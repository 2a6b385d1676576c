# Not part of the suite: features/self-check.feature dry-runs it; every contract phrasing of the design's step
# vocabulary must be defined, once (strict: undefined or ambiguous fails).
Feature: The contract vocabulary
  Scenario: Every contract phrasing
    Given a ZooKeeper ensemble of 3 members
    Given 3 Jetty nodes behind the gateway
    Given the fleet config is:
      """
      {"version": 1, "greeting": "hi"}
      """
    Given steady traffic through the gateway
    When zk-2 is killed
    When the ZooKeeper leader is stopped
    When a ZooKeeper follower is paused
    When zk-5 is resumed
    When the ZooKeeper leader is restarted
    When node-1 crashes
    When the Jetty leader is stopped
    When a Jetty follower is paused
    When node-2 is resumed
    When node-3 is restarted
    When the Jetty nodes are restarted one by one
    When the Jetty leader is cut off from ZooKeeper
    When the ZooKeeper leader is isolated from the other members
    When the network is partitioned into zk-1, zk-2 and node-1 | zk-3, node-2 and node-3
    When the network heals
    When the fleet config is changed to:
      """
      {"version": 2, "greeting": "hi"}
      """
    When a malformed fleet config is published:
      """
      not json
      """
    Then within 10 seconds the ensemble elects a new leader
    Then within 1.5 seconds the ensemble has a leader and accepts writes
    Then within 500 ms the ensemble refuses writes
    Then within 2 minutes node-2 is no longer registered
    Then within 10 seconds the Jetty leader is registered again
    Then within 10 seconds exactly 2 Jetty nodes are registered
    Then within 10 seconds the gateway routes only to node-1 and node-3
    Then within 10 seconds the gateway routes only to node-1, node-2 and node-3
    Then within 10 seconds a new Jetty leader is elected
    Then within 10 seconds every registered node runs config version 2
    Then there is exactly one Jetty leader
    Then every node still runs config version 1
    Then every node reports the malformed config as rejected
    Then for 5 seconds a Jetty follower stays registered
    Then for 5 seconds the Jetty leader does not change
    Then at least 99% of requests through the gateway succeeded
    Then no request through the gateway failed
