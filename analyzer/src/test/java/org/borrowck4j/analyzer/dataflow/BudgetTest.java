package org.borrowck4j.analyzer.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The budget is where a long analysis notices that its run was stopped. */
class BudgetTest {
  @Test
  void anInterruptedThreadStopsAtTheNextCheck() {
    Budget budget = Budget.unlimited();
    budget.charge(Budget.INTERRUPT_CHECK_STEPS - 1);
    Thread.currentThread().interrupt();
    try {
      assertThrows(Budget.Interrupted.class, () -> budget.charge(1));
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anUninterruptedThreadIsNotStopped() {
    Budget budget = Budget.unlimited();
    for (int i = 0; i < 4; i++) {
      budget.charge(Budget.INTERRUPT_CHECK_STEPS);
    }
    assertEquals(4 * Budget.INTERRUPT_CHECK_STEPS, budget.spent());
  }
}
