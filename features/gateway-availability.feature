@fleet @traffic
Feature: Requests through the gateway keep succeeding while nodes come and go
  The gateway retries an idempotent request once on another backend when the first fails to connect or
  times out, so node failures cost few or no requests. Traffic is 20 requests/s, at most 5,000.

  Scenario: A rolling restart of every node under traffic loses no request
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    And steady traffic through the gateway
    When the Jetty nodes are restarted one by one
    Then within 10 seconds exactly 3 Jetty nodes are registered
    And for 3 seconds the Jetty leader does not change
    And no request through the gateway failed

  Scenario: Traffic stays at least 99% successful while a follower crashes
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    And steady traffic through the gateway
    When a Jetty follower crashes
    Then within 10 seconds exactly 2 Jetty nodes are registered
    And for 3 seconds the Jetty leader does not change
    And at least 99% of requests through the gateway succeeded

  Scenario: A short scenario under traffic gets its verdicts without padding
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    And steady traffic through the gateway
    When node-3 is stopped
    Then within 2 seconds node-3 is no longer registered
    And no request through the gateway failed
    And 99% of requests through the gateway completed within 500 ms
    And the median latency of requests through the gateway is below 50 ms
