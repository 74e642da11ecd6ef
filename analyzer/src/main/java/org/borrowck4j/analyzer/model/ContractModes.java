package org.borrowck4j.analyzer.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.borrowck4j.analyzer.model.AnnotationNames.Meaning;
import org.borrowck4j.analyzer.model.MethodContract.ParamMode;
import org.borrowck4j.analyzer.model.MethodContract.ReceiverMode;
import org.borrowck4j.analyzer.model.MethodContract.ReturnMode;

/**
 * The one place where annotations become modes: of a parameter, of a method (its result and its
 * receiver), of a type, a field or a local variable. Source declarations, stub files and bytecode
 * all read their annotations into {@link Meaning}s first and then ask here, so {@code @Owning},
 * {@code @NotOwning} and {@code @MustCallAlias} mean the same wherever they are written.
 */
public final class ContractModes {
  private ContractModes() {}

  /** An annotation as far as contracts care: what it means and its members' literal values. */
  public record Written(Meaning meaning, Function<String, String> member) {
    public static Written of(Meaning meaning) {
      return new Written(meaning, name -> null);
    }
  }

  /** What a variable's own annotations declare it to be. */
  public enum VariableMode {
    NONE,
    /** {@code @Owned} or {@code @Owning}: it owns its value. */
    OWNED,
    /** {@code @Borrowed}: an explicit shared reference. */
    BORROWED,
    /** {@code @Mut}: an explicit exclusive reference. */
    MUT;

    public boolean isBorrow() {
      return this == BORROWED || this == MUT;
    }
  }

  /**
   * A local, parameter or field: a borrow when declared {@code @Borrowed} or {@code @Mut} (those
   * win over an owning annotation written beside them, which {@code annotation-misuse} reports),
   * else an owner when declared {@code @Owned} or {@code @Owning}.
   */
  public static VariableMode ofVariable(Iterable<Meaning> meanings) {
    boolean owned = false;
    boolean borrowed = false;
    for (Meaning m : meanings) {
      switch (m) {
        case MUT -> {
          return VariableMode.MUT;
        }
        case BORROWED -> borrowed = true;
        case OWNED, OWNING -> owned = true;
        default -> {}
      }
    }
    return borrowed ? VariableMode.BORROWED : owned ? VariableMode.OWNED : VariableMode.NONE;
  }

  /** Whether a type or a field is declared to own its values. */
  public static boolean isOwned(Iterable<Meaning> meanings) {
    for (Meaning m : meanings) {
      if (m == Meaning.OWNED || m == Meaning.OWNING) {
        return true;
      }
    }
    return false;
  }

  /**
   * A parameter's mode and, for a consumed one, whether consuming it again is harmless; the model's
   * other words for it ({@link MethodContract.ParamWord}).
   */
  public record ParameterMode(ParamMode mode, boolean idempotent, Set<MethodContract.ParamWord> words) {
    public static final ParameterMode NONE = new ParameterMode(ParamMode.NONE, false);

    public ParameterMode(ParamMode mode, boolean idempotent) {
      this(mode, idempotent, Set.of());
    }
  }

  /**
   * A parameter's mode: the last annotation that says one wins. {@code @Consumes} on a parameter
   * (model vocabulary, in stubs: the method consumes its argument, as {@code
   * IOUtils.closeQuietly(in)} closes {@code in}) carries {@code idempotent} as on a method.
   */
  public static ParameterMode ofParameter(List<Written> annotations) {
    ParameterMode mode = ParameterMode.NONE;
    Set<MethodContract.ParamWord> words = EnumSet.noneOf(MethodContract.ParamWord.class);
    for (Written a : annotations) {
      switch (a.meaning()) {
        case REPLACES_IF_PRESENT -> words.add(MethodContract.ParamWord.REPLACES_IF_PRESENT);
        case RUNS_IN_PLACE -> {
          words.add(MethodContract.ParamWord.RUNS_IN_PLACE);
          if ("true".equals(a.member().apply("keys"))) {
            words.add(MethodContract.ParamWord.GIVES_KEYS);
          }
        }
        case STORED_UNREAD -> words.add(MethodContract.ParamWord.STORED_UNREAD);
        case HELD_ALIVE -> words.add(MethodContract.ParamWord.HELD_ALIVE);
        case BECOMES_ELEMENT -> words.add(MethodContract.ParamWord.BECOMES_ELEMENT);
        case MAY_BE_RECEIVER -> words.add(MethodContract.ParamWord.MAY_BE_RECEIVER);
        default -> {}
      }
      mode =
          switch (a.meaning()) {
            case OWNED, OWNING -> new ParameterMode(ParamMode.OWNED, false);
            case MUST_CALL_ALIAS -> new ParameterMode(ParamMode.ALIAS, false);
            case BORROWED -> new ParameterMode(ParamMode.BORROWED, false);
            case MUT -> new ParameterMode(ParamMode.MUT, false);
            case RETAINED -> new ParameterMode(ParamMode.RETAINED, false);
            case CONSUMES -> new ParameterMode(ParamMode.CONSUMES, "true".equals(a.member().apply("idempotent")));
            default -> mode;
          };
    }
    return words.isEmpty() ? mode : new ParameterMode(mode.mode(), mode.idempotent(), words);
  }

  /**
   * What a method's annotations (and those on its receiver parameter) say: its result, what it
   * does to its receiver, and the model vocabulary. Reads no types, so it is cheap enough to ask
   * of every method of a type (to know whether the type declares a release).
   */
  public static MethodModes ofMethod(List<Written> method, List<Meaning> receiverParameter) {
    ReturnMode returns = ReturnMode.NONE;
    String borrowedFrom = null;
    ReceiverMode receiver = ReceiverMode.NONE;
    boolean idempotent = false;
    boolean mustRelease = false;
    Set<MethodModes.Word> words = EnumSet.noneOf(MethodModes.Word.class);
    String constructorArgument = null;
    MethodModes.KeyRole keyRole = MethodModes.KeyRole.NONE;
    for (Written a : method) {
      switch (a.meaning()) {
        case OWNED, OWNING, MUST_CALL_ALIAS -> returns = ReturnMode.OWNED;
        case BORROWED, NOT_OWNING -> {
          returns = ReturnMode.BORROWED;
          String from = a.member().apply("from");
          borrowedFrom = from == null || from.isEmpty() ? null : from;
        }
        case MUT -> receiver = receiver == ReceiverMode.CONSUMES ? receiver : ReceiverMode.MUT;
        case CONSUMES -> {
          receiver = ReceiverMode.CONSUMES;
          idempotent = "true".equals(a.member().apply("idempotent"));
        }
        case MUST_RELEASE -> mustRelease = true;
        case NO_EFFECT -> words.add(MethodModes.Word.NO_EFFECT);
        case NO_RETURN -> words.add(MethodModes.Word.NO_RETURN);
        case NO_THROW -> words.add(MethodModes.Word.NO_THROW);
        case NEEDS_OPEN -> words.add(MethodModes.Word.NEEDS_OPEN);
        case WORKS_WHEN_CLOSED -> words.add(MethodModes.Word.WORKS_WHEN_CLOSED);
        case BINDS_LATE -> words.add(MethodModes.Word.BINDS_LATE);
        case LIVE_VIEW -> words.add(MethodModes.Word.LIVE_VIEW);
        case COLLECTED_WHEN_DROPPED -> words.add(MethodModes.Word.COLLECTED_WHEN_DROPPED);
        case TRUE_IF_CHANGED -> words.add(MethodModes.Word.TRUE_IF_CHANGED);
        case TRUE_IF_NULL -> words.add(MethodModes.Word.TRUE_IF_NULL);
        case TRUE_IF_NON_NULL -> words.add(MethodModes.Word.TRUE_IF_NON_NULL);
        case CONSTRUCTOR_ARGUMENT -> {
          String name = a.member().apply("value");
          constructorArgument = name == null || name.isEmpty() ? null : name;
        }
        case KEYS -> keyRole = MethodModes.KeyRole.KEYS;
        case ENTRIES -> keyRole = MethodModes.KeyRole.ENTRIES;
        case ENTRY_KEY -> keyRole = MethodModes.KeyRole.ENTRY_KEY;
        case CURRENT -> keyRole = MethodModes.KeyRole.CURRENT;
        default -> {}
      }
    }
    for (Meaning m : receiverParameter) {
      if (m == Meaning.OWNED || m == Meaning.OWNING) {
        receiver = ReceiverMode.CONSUMES;
      } else if (m == Meaning.MUT && receiver != ReceiverMode.CONSUMES) {
        receiver = ReceiverMode.MUT;
      } else if (m == Meaning.MUST_CALL_ALIAS && returns == ReturnMode.OWNED) {
        // The Checker Framework's `@MustCallAlias R m(@MustCallAlias T this)`: the result is a
        // second handle on the receiver's resource, as a wrapper's is on its argument's (D19).
        words.add(MethodModes.Word.RESULT_ALIASES_RECEIVER);
      }
    }
    return new MethodModes(returns, borrowedFrom, receiver, idempotent, mustRelease, keyRole, null, constructorArgument, words);
  }

}
