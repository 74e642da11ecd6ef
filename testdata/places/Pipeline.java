package places;

/**
 * Fields of a class declared in a file not named after it ({@code Stage}, in {@code
 * Stages.java}): found whichever file is read first (decision 254). This file is the larger of
 * the two on purpose: the workers parse the largest files first, so it is analysed before {@code
 * Stages.java} has been parsed for anything else, and {@code Stage} must still be found from the
 * names every file's text declares, read up front.
 */
public class Pipeline {

  // The loop over an ordinary list of another object, which the loop's body changes.
  void prune(Stage stage) {
    for (String step : stage.steps) {
      if (step.isEmpty()) {
        stage.steps.remove(step); // expect: conflicting-borrow
      }
    }
  }

  // Negative: the fix, removeIf.
  void pruneFixed(Stage stage) {
    stage.steps.removeIf(String::isEmpty);
  }

  // Negative: a copy-on-write list tolerates the change.
  void unhook(Stage stage) {
    for (String hook : stage.hooks) {
      if (hook.isEmpty()) {
        stage.hooks.remove(hook);
      }
    }
  }
}
