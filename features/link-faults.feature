@network @links
Feature: Slow and unreliable links, without netem
  The kernel here has no netem: iptables hands a link's packets to link-shaper in a nemesis sidecar (NFQUEUE),
  which delays, reorders, loses in bursts or duplicates them. Every link fault is healed by "the network heals".

  Scenario: Latency on a link is what was asked, measured across it
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes
    When the link between node-1 and ZooKeeper gets 200 ms of latency
    Then the latency added between node-1 and ZooKeeper measures 200 ms ± 10 ms
    When the network heals
    Then within 5 seconds exactly 3 Jetty nodes are registered

  Scenario: A node 200 ms ± 50 ms away from ZooKeeper stays registered and keeps serving
    Given a ZooKeeper ensemble of 3 members
    And 3 Jetty nodes behind the gateway
    And steady traffic through the gateway
    When the link between node-1 and ZooKeeper gets 200 ms ± 50 ms of latency
    Then for 5 seconds node-1 stays registered
    And there is exactly one Jetty leader
    And no request through the gateway failed

  Scenario: A slow link between ZooKeeper members slows writes but keeps them linearizable
    Given a ZooKeeper ensemble of 3 members
    And a register workload through every member
    When the link from zk-1 to zk-2 and zk-3 gets 100 ms of latency
    Then within 10 seconds the ensemble has a leader and accepts writes
    And the register history is linearizable

  Scenario: Reordered, duplicated and bursty links between members keep the register linearizable
    Given a ZooKeeper ensemble of 3 members
    And a register workload through every member
    When packets between zk-1 and zk-2 are reordered
    And 5% of packets between zk-2 and zk-3 are duplicated
    And 20% of packets between zk-1 and zk-3 are lost in bursts
    Then within 10 seconds the ensemble has a leader and accepts writes
    And the register history is linearizable
    When the network heals
    Then within 15 seconds the ensemble has exactly one leader and 2 followers
