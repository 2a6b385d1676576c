@self-check
Feature: The harness can fail, and says why
  A test that cannot fail proves nothing. Each example runs a small feature that must fail — against a real
  ensemble where it gets that far — and expects the failure to explain itself.

  Scenario Outline: <case> fails with a message that explains it
    Then running "support/self-check/<feature>" fails with "<message>"

    Examples:
      | case                         | feature                        | message                                                                                  |
      | an assertion of a falsehood  | false-assertion.feature        | Waited 500 ms for every running member to refuse a write, but it did not happen; last seen: writes still accepted via |
      | an unknown member name       | unknown-member.feature         | zk-7 is not a member of this ensemble (zk-1, zk-2, zk-3).                                |
      | an undefined step            | undefined-step.feature         | Undefined. Implement with the following snippet                                          |

  Scenario: A broken image recipe names the image and the step that failed
    Then building an image whose recipe fails names the image and the failing step

  Scenario: A taken ZKH_GATEWAY_PORT is named in one sentence
    Then a gateway asked for a taken ZKH_GATEWAY_PORT fails with a sentence naming the port

  Scenario: Every contract phrasing of the vocabulary is defined, once
    Then every phrasing in "support/self-check/contract-vocabulary.feature" is defined exactly once
