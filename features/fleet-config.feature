@fleet @config
Feature: The fleet config reaches every node, and a bad one reaches none
  The operator writes /fleet/config; every node watches it with a CuratorCache, validates and applies it
  atomically. A malformed config is rejected and the last good one keeps serving.

  Background:
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    And the fleet config is:
      """
      {"version": 1, "greeting": "hello from version 1"}
      """

  @smoke
  Scenario: A config change reaches every node
    When the fleet config is changed to:
      """
      {"version": 2, "greeting": "hello from version 2"}
      """
    Then within 5 seconds every registered node runs config version 2

  Scenario: A malformed config is rejected and nothing goes down
    When a malformed fleet config is published:
      """
      {"version": 2, "greeting": "hi", "colour": "unexpected key"}
      """
    Then every node still runs config version 1
    And every node reports the malformed config as rejected
    And within 5 seconds exactly 3 Jetty nodes are registered

  Scenario: A config that is not JSON at all is rejected
    When a malformed fleet config is published:
      """
      version = 2
      """
    Then every node still runs config version 1
    And every node reports the malformed config as rejected

  Scenario: An older version is rejected
    When the fleet config is changed to:
      """
      {"version": 3, "greeting": "three"}
      """
    Then within 5 seconds every registered node runs config version 3
    When a malformed fleet config is published:
      """
      {"version": 2, "greeting": "going back"}
      """
    Then every node still runs config version 3
    And every node reports the malformed config as rejected

  Scenario: A config near ZooKeeper's 1 MB limit is rejected and nothing goes down
    When a fleet config of 1000 KiB is published
    Then every node still runs config version 1
    And every node reports the malformed config as rejected
    And within 5 seconds exactly 3 Jetty nodes are registered

  Scenario: Only the operator may write the fleet config
    Then an unauthenticated write to the fleet config is refused and changes nothing

  Scenario: A config change made right after the ZooKeeper leader is killed still lands
    When the ZooKeeper leader is killed
    And the fleet config is changed to:
      """
      {"version": 2, "greeting": "written through a leader loss"}
      """
    Then within 15 seconds every registered node runs config version 2
