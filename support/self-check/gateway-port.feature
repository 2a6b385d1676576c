# Not part of the suite: features/self-check.feature runs it with ZKH_GATEWAY_PORT set to a taken port.
Feature: A taken gateway port
  Scenario: The gateway cannot publish its fixed port
    Given a ZooKeeper ensemble of 3 members
    And 1 Jetty nodes behind the gateway
    Then within 5 seconds exactly 1 Jetty node is registered
