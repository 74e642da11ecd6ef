package org.borrowck4j.analyzer.flow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.borrowck4j.analyzer.cfg.CfgNode;
import org.borrowck4j.analyzer.facts.BodyFacts;
import org.borrowck4j.analyzer.facts.Event;
import org.borrowck4j.analyzer.facts.Loan;

/**
 * The loans that matter at each event of a body: in scope before it ({@link LoansInScope}) and
 * used after its node ({@link LiveHolders}) — the loans an access there can conflict with.
 */
public final class LiveLoans {
  private final BodyAnalyses analyses;
  private final BodyFacts facts;

  public LiveLoans(BodyAnalyses analyses) {
    this.analyses = analyses;
    this.facts = analyses.facts();
  }

  /** The loans live at one event, asked for by kind of candidate. */
  public interface At {
    /** The candidates (loan indexes) that are in scope and live here, in loan order. */
    List<Loan> select(BitSet candidates);

    /** Whether the loan may have been created, and not ended, on some path to this event. */
    boolean inScope(Loan loan);
  }

  @FunctionalInterface
  public interface Visitor {
    void visit(CfgNode node, Event event, At live);
  }

  /** Visits every event of every reachable node with the loans live there. */
  public void replay(Visitor visitor) {
    LoansInScope inScope = analyses.loansInScope();
    LiveHolders holders = analyses.liveHolders();
    inScope.replay(
        new EventwiseAnalysis.Visitor<>() {
          private CfgNode node;
          private BitSet liveAfter;
          private BitSet scope;
          private final At at =
              new At() {
                @Override
                public List<Loan> select(BitSet candidates) {
                  return liveAmong(candidates);
                }

                @Override
                public boolean inScope(Loan loan) {
                  return scope.get(loan.index());
                }
              };

          @Override
          public void visit(CfgNode n, Event e, BitSet scopeBefore) {
            if (n != node) {
              node = n;
              liveAfter = null; // computed when first asked for: most events ask nothing
            }
            scope = scopeBefore;
            visitor.visit(n, e, at);
          }

          private List<Loan> liveAmong(BitSet candidates) {
            if (candidates.isEmpty()) {
              return List.of();
            }
            BitSet chosen = (BitSet) candidates.clone();
            chosen.and(scope);
            if (chosen.isEmpty()) {
              return List.of();
            }
            if (liveAfter == null) {
              liveAfter = holders.loansLiveAfter(node);
            }
            chosen.and(liveAfter);
            List<Loan> out = new ArrayList<>(chosen.cardinality());
            for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
              out.add(facts.loans().get(i));
            }
            return out;
          }
        });
  }
}
