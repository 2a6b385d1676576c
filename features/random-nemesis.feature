@zookeeper @nemesis
Feature: A random nemesis, judged over the whole history
  As Jepsen does: a seeded schedule of faults on the ZooKeeper members, one at a time, each healed before a quiet
  spell, while clients work; then the whole history is judged. The schedule and its seed are printed and
  attached, and ZKH_SEED replays it.

  @registers
  Scenario: Sync'ed registers stay linearizable through 30 seconds of random member faults
    Given a ZooKeeper ensemble of 3 members
    And a register workload through every member
    When a random schedule of "kills, pauses, isolations and slow links" hits the ZooKeeper members for 30 seconds
    Then within 20 seconds the ensemble has exactly one leader and 2 followers
    And the register history is linearizable

  @fleet @traffic
  Scenario: The fleet keeps serving through 30 seconds of random member faults
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    And steady traffic through the gateway
    When a random schedule of "kills, pauses and isolations" hits the ZooKeeper members for 30 seconds
    Then within 20 seconds exactly 3 Jetty nodes are registered
    And within 10 seconds there is exactly one Jetty leader
    And at least 90% of requests through the gateway succeeded
