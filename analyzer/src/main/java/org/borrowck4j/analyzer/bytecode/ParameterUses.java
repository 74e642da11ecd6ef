package org.borrowck4j.analyzer.bytecode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * What a method of a class file does with each parameter it is given (D23 read from bytecode,
 * decisions 318 and 321): a project's helper in another artifact or a dependency is read from the
 * class file the classpath gives, as the same method in the analysed sources is read from its body.
 *
 * <p>A parameter is {@link Use#CLOSED} when it is closed on every path to a {@code return}: {@code
 * close()} called on its value (directly, after a cast, or through a local it was copied into), the
 * value handed to a static method that closes that parameter on every normal path, or a branch that
 * found it null or not an instance of the type tested ({@code instanceof}: nothing there to close).
 * A call that throws into a handler carries what the call did: a {@code close()} that throws has
 * still been called, as a close helper's caller counts on. It is {@link Use#TAKEN} when the body
 * closes it on some paths only, or keeps it where this reading can see: stored in a field or an
 * array, captured by a lambda, thrown, or given (itself or inside a new object built around it) to
 * a static or private method of the classpath that takes or closes it in turn. It is {@link
 * Use#READ} otherwise: methods called on it or it given to calls whose bodies are not followed
 * (virtual calls, the JDK's), compared, wrapped in a new object (D19: wrapping moves nothing),
 * returned (the caller's again, as D3 and decision 37 read a call that declares nothing). A method that never returns
 * closes nothing; a parameter whose slot is ever assigned is taken (which value it holds is not
 * followed).
 *
 * <p>A constructor is read for what its object wraps ({@link #wrappedByConstructor}, decision
 * 327): the parameters it keeps in fields that the class's {@code close()} closes.
 */
public final class ParameterUses {
  /** What a method does with one parameter. */
  public enum Use {
    /** Only read: methods called on it (but {@code close()}), compared, tested. */
    READ,
    /** Closed on every path to a {@code return}. */
    CLOSED,
    /** Given to other code, or closed on some paths only: its fate is not followed. */
    TAKEN
  }

  /** The most instructions a method read may have: the cost is per method. */
  private static final int MAX_INSTRUCTIONS = 2_000;

  /** How deep one helper's delegation to another static helper is followed. */
  private static final int MAX_DEPTH = 4;

  private final Function<String, byte[]> classFiles;
  /**
   * Whether a constructor of a class whose file is not read (the JDK's) makes a second handle on
   * an argument, by the models' word ({@code super(out)} of a {@code FilterOutputStream}).
   */
  private volatile WrapperConstructors unreadWrappers = (type, parameterTypes, argument) -> false;

  /** What the models say of the constructors of classes not read here (the JDK's). */
  @FunctionalInterface
  public interface WrapperConstructors {
    /**
     * Whether parameter {@code argument} of the constructor of {@code type} (a qualified name)
     * with these parameter types (qualified names, {@code byte[]}, {@code int}) is {@code
     * @MustCallAlias}.
     */
    boolean wraps(String type, List<String> parameterTypes, int argument);
  }

  private boolean unreadWraps(String owner, String descriptor, int argument) {
    List<String> types = new ArrayList<>();
    for (Type t : Type.getArgumentTypes(descriptor)) {
      types.add(t.getClassName().replace('$', '.'));
    }
    return unreadWrappers.wraps(Type.getObjectType(owner).getClassName().replace('$', '.'), types, argument);
  }

  /**
   * Stands, in a constructor's stores, for what a superclass whose class file is not read keeps
   * around an argument; its {@code close()} closes it, as its model's {@code @MustCallAlias} says.
   */
  private static final String KEPT_BY_UNREAD_SUPERCLASS = "<kept by a superclass not read>";
  private final Map<String, Optional<ClassNode>> classes = new ConcurrentHashMap<>();
  private final Map<String, List<Use>> known = new ConcurrentHashMap<>();
  /** By constructor, the fields it keeps each parameter in: asked for wrapping and for keeping alike. */
  private final Map<String, Map<Integer, Set<String>>> constructorStores = new ConcurrentHashMap<>();
  /** By class, the fields its {@code close()} closes: asked once for all its constructors. */
  private final Map<String, Set<String>> closedFields = new ConcurrentHashMap<>();

  /**
   * @param classFiles the bytes of a class file by its internal name ({@code a/b/C$D}), or null
   *     where it is not one this reader may read (the JDK's: its behaviour is the models' word)
   */
  public ParameterUses(Function<String, byte[]> classFiles) {
    this.classFiles = classFiles;
  }

  /** Where the models are known: what they say of the JDK's wrapper constructors. */
  public void useModels(WrapperConstructors wrappers) {
    this.unreadWrappers = wrappers;
  }

  /**
   * What the method does with each parameter, by position; empty when its code is not known (the
   * class file is not readable, the method abstract, native, not found or too long).
   */
  public List<Use> of(String internalClassName, String methodName, String descriptor) {
    return of(internalClassName, methodName, descriptor, new ArrayDeque<>()).uses();
  }

  /** {@link #of(String, String, String)} for a method loaded by reflection. */
  public List<Use> of(java.lang.reflect.Method m) {
    return of(Type.getInternalName(m.getDeclaringClass()), m.getName(), Type.getMethodDescriptor(m));
  }

  /**
   * Whether the method's body does nothing at all: a bare {@code return} (an empty {@code close()}
   * of an in-memory stream, decisions 156 and 324). False where its code is not known.
   */
  public boolean doesNothing(java.lang.reflect.Method m) {
    MethodNode node = method(Type.getInternalName(m.getDeclaringClass()), m.getName(), Type.getMethodDescriptor(m));
    if (node == null) {
      return false;
    }
    for (AbstractInsnNode insn : node.instructions) {
      if (insn.getOpcode() >= 0 && insn.getOpcode() != Opcodes.RETURN) {
        return false; // labels, line numbers and frames are no instructions
      }
    }
    return true;
  }

  /**
   * The parameters a library constructor keeps in a field of the new object that the class's
   * {@code close()} closes (decision 327): stored there as they are or inside a new object built
   * around them ({@code this.writer = new BufferedWriter(writer)}), also through {@code super(…)}
   * and {@code this(…)} whose class files are read. The object is then a second handle on them,
   * as the models write {@code @MustCallAlias} for the JDK's wrappers (D19). Empty where the code
   * is not known.
   */
  public BitSet wrappedByConstructor(java.lang.reflect.Constructor<?> k) {
    String owner = Type.getInternalName(k.getDeclaringClass());
    Map<Integer, Set<String>> stored = storedBy(k);
    BitSet wrapped = new BitSet();
    if (stored.isEmpty()) {
      return wrapped;
    }
    Set<String> closed = closedFields.computeIfAbsent(owner, c -> fieldsClosedBy(c, c, "close", "()V", 0));
    for (var e : stored.entrySet()) {
      for (String field : e.getValue()) {
        if (closed.contains(field)) {
          wrapped.set(e.getKey());
        }
      }
    }
    return wrapped;
  }

  /**
   * The parameters a library constructor keeps in a field of the new object, as they are or inside
   * a new object built around them, also through {@code super(…)} and {@code this(…)} whose class
   * files are read (decision 333: a reference-counted object keeping a reference-counted argument
   * shares its count). Empty where the code is not known.
   */
  public BitSet keptByConstructor(java.lang.reflect.Constructor<?> k) {
    BitSet kept = new BitSet();
    for (var e : storedBy(k).entrySet()) {
      if (!e.getValue().isEmpty() && !e.getValue().equals(Set.of(KEPT_BY_UNREAD_SUPERCLASS))) {
        kept.set(e.getKey());
      }
    }
    return kept;
  }

  /** {@link #storedInFields} of a library constructor, read once. */
  private Map<Integer, Set<String>> storedBy(java.lang.reflect.Constructor<?> k) {
    String owner = Type.getInternalName(k.getDeclaringClass());
    String descriptor = Type.getConstructorDescriptor(k);
    return constructorStores.computeIfAbsent(owner + descriptor, key -> storedInFields(owner, descriptor, 0));
  }

  /** By parameter, the fields of {@code this} a constructor stores it in (directly, wrapped, or by a chained constructor). */
  private Map<Integer, Set<String>> storedInFields(String owner, String descriptor, int depth) {
    MethodNode m = depth > MAX_DEPTH ? null : method(owner, "<init>", descriptor);
    if (m == null) {
      return Map.of();
    }
    Reading r = new Reading(owner, m, new ArrayDeque<>());
    if (!r.analyse()) {
      return Map.of();
    }
    Map<Integer, Set<String>> out = new HashMap<>();
    for (int i = 0; i < r.code.size(); i++) {
      Frame<SourceValue> f = r.frames[i];
      AbstractInsnNode insn = r.code.get(i);
      if (f == null) {
        continue;
      }
      int top = f.getStackSize() - 1;
      if (insn.getOpcode() == Opcodes.PUTFIELD && r.isThis(f.getStack(top - 1))) {
        String field = ((FieldInsnNode) insn).name;
        BitSet carried = r.carriedOnAnyPath(f.getStack(top));
        for (int p = carried.nextSetBit(0); p >= 0; p = carried.nextSetBit(p + 1)) {
          out.computeIfAbsent(p, x -> new HashSet<>()).add(field);
        }
      } else if (insn instanceof MethodInsnNode call
          && call.getOpcode() == Opcodes.INVOKESPECIAL
          && call.name.equals("<init>")) {
        int args = Type.getArgumentTypes(call.desc).length;
        if (top - args < 0 || !r.isThis(f.getStack(top - args))) {
          continue; // a new object's constructor, not super(…) or this(…)
        }
        Map<Integer, Set<String>> chained = null;
        for (int a = 0; a < args; a++) {
          BitSet carried = r.carriedOnAnyPath(f.getStack(top - args + 1 + a));
          if (carried.isEmpty()) {
            continue;
          }
          if (chained == null) {
            chained = storedInFields(call.owner, call.desc, depth + 1);
          }
          Set<String> fields =
              chained.isEmpty() && readable(call.owner) == null && unreadWraps(call.owner, call.desc, a)
                  ? Set.of(KEPT_BY_UNREAD_SUPERCLASS)
                  : chained.get(a);
          if (fields == null) {
            continue;
          }
          for (int p = carried.nextSetBit(0); p >= 0; p = carried.nextSetBit(p + 1)) {
            out.computeIfAbsent(p, x -> new HashSet<>()).addAll(fields);
          }
        }
      }
    }
    return out;
  }

  /**
   * The fields of {@code this} that the method {@code name}/{@code descriptor}, as an object of
   * class {@code runtime} runs it, calls {@code close()} on: directly, through a static helper
   * that closes its parameter, or through another method of the object it calls ({@code
   * super.close()}, a private {@code closeStreams()}).
   */
  private Set<String> fieldsClosedBy(String runtime, String from, String name, String descriptor, int depth) {
    String declaring = from;
    MethodNode m = null;
    while (declaring != null && depth <= MAX_DEPTH) {
      ClassNode c = readable(declaring);
      if (c == null) {
        // The method is a superclass's whose file is not read (the JDK's close()): it closes what
        // that class's constructor kept, if its model says the constructor wraps it.
        return name.equals("close") && descriptor.equals("()V") ? Set.of(KEPT_BY_UNREAD_SUPERCLASS) : Set.of();
      }
      if (declares(c, name, descriptor)) {
        m = method(declaring, name, descriptor); // null where it cannot be read (abstract, too long)
        break;
      }
      declaring = c.superName;
    }
    if (m == null) {
      return Set.of();
    }
    Reading r = new Reading(declaring, m, new ArrayDeque<>());
    if (!r.analyse()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i < r.code.size(); i++) {
      Frame<SourceValue> f = r.frames[i];
      if (f == null || !(r.code.get(i) instanceof MethodInsnNode call)) {
        continue;
      }
      Type[] args = Type.getArgumentTypes(call.desc);
      int first = f.getStackSize() - args.length;
      if (call.getOpcode() == Opcodes.INVOKESTATIC) {
        Answer callee = null;
        for (int a = 0; a < args.length; a++) {
          String field = r.fieldOfThis(f.getStack(first + a));
          if (field == null) {
            continue;
          }
          if (callee == null) {
            callee = of(call.owner, call.name, call.desc, new ArrayDeque<>());
          }
          if (callee.closes(a)) {
            out.add(field);
          }
        }
        continue;
      }
      SourceValue receiver = f.getStack(first - 1);
      if (call.name.equals("close") && call.desc.equals("()V") && r.fieldOfThis(receiver) != null) {
        out.add(r.fieldOfThis(receiver));
      } else if (r.isThis(receiver) && !call.name.equals("<init>") && depth < MAX_DEPTH) {
        // super.close(), or another method of the object: found from the class the call names
        // (super) or the object's own class (virtual).
        String start = call.getOpcode() == Opcodes.INVOKESPECIAL ? call.owner : runtime;
        out.addAll(fieldsClosedBy(runtime, start, call.name, call.desc, depth + 1));
      }
    }
    return out;
  }

  /** What a reading found, and whether it met a method already under way (or too deep a chain). */
  private record Answer(List<Use> uses, boolean cut) {
    boolean closes(int parameter) {
      return parameter < uses.size() && uses.get(parameter) == Use.CLOSED;
    }
  }

  private Answer of(String owner, String name, String descriptor, Deque<String> underWay) {
    String key = owner + '.' + name + descriptor;
    List<Use> done = known.get(key);
    if (done != null) {
      return new Answer(done, false);
    }
    if (underWay.contains(key) || underWay.size() >= MAX_DEPTH) {
      return new Answer(List.of(), true); // recursion or a long chain: nothing said
    }
    MethodNode m = method(owner, name, descriptor);
    if (m == null) {
      known.putIfAbsent(key, List.of());
      return new Answer(List.of(), false);
    }
    underWay.push(key);
    Answer answer;
    try {
      Reading r = new Reading(owner, m, underWay);
      answer = new Answer(r.uses(), r.cut);
    } finally {
      underWay.pop();
    }
    if (!answer.cut()) {
      // An answer that met a cut depends on where the reading started: not kept, so that every
      // thread and every order of questions gets the same answers.
      known.putIfAbsent(key, answer.uses());
    }
    return answer;
  }

  /** Whether the class itself declares the method (with code or not). */
  private static boolean declares(ClassNode c, String name, String descriptor) {
    for (MethodNode m : c.methods) {
      if (m.name.equals(name) && m.desc.equals(descriptor)) {
        return true;
      }
    }
    return false;
  }

  /** The class as read from its file, or null where it cannot be (the JDK's, one missing). */
  private ClassNode readable(String owner) {
    return classes.computeIfAbsent(owner, this::read).orElse(null);
  }

  private MethodNode method(String owner, String name, String descriptor) {
    ClassNode c = readable(owner);
    if (c == null) {
      return null;
    }
    for (MethodNode m : c.methods) {
      if (m.name.equals(name)
          && m.desc.equals(descriptor)
          && (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0
          && m.instructions.size() <= MAX_INSTRUCTIONS) {
        return m;
      }
    }
    return null;
  }

  private Optional<ClassNode> read(String internalName) {
    byte[] bytes = classFiles.apply(internalName);
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      ClassNode node = new ClassNode();
      new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      return Optional.of(node);
    } catch (RuntimeException e) {
      // A class file ASM cannot read (a newer format, a damaged jar): nothing known of it.
      return Optional.empty();
    }
  }

  /** One method's instructions, the values on its stack, its edges, and what reaches each return. */
  private final class Reading {
    final String owner;
    final MethodNode method;
    final Deque<String> underWay;
    final InsnList code;
    /** Where each parameter lives: its local slot, or -1 for a primitive or an array one. */
    final int[] slotOf;
    final int parameterSlots;
    final BitSet assignedSlots = new BitSet();
    final List<List<Integer>> successors = new ArrayList<>();
    final List<List<Integer>> handlers = new ArrayList<>();
    Frame<SourceValue>[] frames;
    /** Whether an answer needed here was cut short by a recursion. */
    boolean cut;

    Reading(String owner, MethodNode method, Deque<String> underWay) {
      this.owner = owner;
      this.method = method;
      this.underWay = underWay;
      this.code = method.instructions;
      Type[] params = Type.getArgumentTypes(method.desc);
      this.slotOf = new int[params.length];
      int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1; // `this` first
      for (int i = 0; i < params.length; i++) {
        slotOf[i] = params[i].getSort() == Type.OBJECT ? slot : -1;
        slot += params[i].getSize();
      }
      this.parameterSlots = slot;
      for (int i = 0; i < code.size(); i++) {
        successors.add(new ArrayList<>(2));
        handlers.add(new ArrayList<>(0));
        if (code.get(i) instanceof VarInsnNode v && v.getOpcode() >= Opcodes.ISTORE && v.getOpcode() <= Opcodes.ASTORE) {
          assignedSlots.set(v.var);
        }
      }
    }

    List<Use> uses() {
      BitSet tracked = new BitSet();
      for (int i = 0; i < slotOf.length; i++) {
        if (slotOf[i] >= 0) {
          tracked.set(i);
        }
      }
      if (tracked.isEmpty() || !analyse()) {
        return List.of();
      }
      BitSet taken = new BitSet();
      BitSet closedSomewhere = new BitSet();
      for (int i = 0; i < slotOf.length; i++) {
        if (slotOf[i] >= 0 && assignedSlots.get(slotOf[i])) {
          taken.set(i); // which value the slot holds where it is used is not followed
        }
      }
      for (int i = 0; i < code.size(); i++) {
        if (frames[i] != null) {
          given(i, code.get(i), taken);
          closedBy(i, code.get(i), closedSomewhere);
        }
      }
      BitSet closed = closedOnEveryReturn();
      List<Use> out = new ArrayList<>(slotOf.length);
      for (int i = 0; i < slotOf.length; i++) {
        out.add(
            !tracked.get(i) ? Use.READ
                : taken.get(i) ? (closed.get(i) ? Use.CLOSED : Use.TAKEN)
                : closed.get(i) ? Use.CLOSED
                : closedSomewhere.get(i) ? Use.TAKEN
                : Use.READ);
      }
      return List.copyOf(out);
    }

    /**
     * Marks the parameters instruction {@code i} gives away: to a followed helper that takes or
     * closes it, into a field, an array or another parameter's slot, to a lambda, or thrown.
     */
    private void given(int i, AbstractInsnNode insn, BitSet taken) {
      Frame<SourceValue> f = frames[i];
      int top = f.getStackSize() - 1;
      int op = insn.getOpcode();
      if (insn instanceof MethodInsnNode call && followed(call)) {
        // A helper of the classpath whose body is read in turn: given to it, a value is taken
        // where that body takes or closes it.
        Type[] types = Type.getArgumentTypes(call.desc);
        Answer callee = null;
        for (int a = 0; a < types.length; a++) {
          BitSet carried = types[a].getSort() == Type.OBJECT ? carried(f.getStack(top - types.length + 1 + a)) : new BitSet();
          if (carried.isEmpty()) {
            continue;
          }
          if (callee == null) {
            callee = ParameterUses.this.of(call.owner, call.name, call.desc, underWay);
            cut |= callee.cut();
          }
          if (a < callee.uses().size() && callee.uses().get(a) != Use.READ) {
            taken.or(carried);
          }
        }
      } else if (insn instanceof InvokeDynamicInsnNode indy) {
        int args = Type.getArgumentTypes(indy.desc).length;
        for (int a = 0; a < args; a++) {
          taken.or(carried(f.getStack(top - args + 1 + a))); // captured by a lambda
        }
      } else if (op == Opcodes.PUTFIELD
          || op == Opcodes.PUTSTATIC
          || op == Opcodes.AASTORE
          || op == Opcodes.ATHROW
          || (op == Opcodes.ASTORE && ((VarInsnNode) insn).var < parameterSlots)) {
        taken.or(carried(f.getStack(top)));
      }
    }

    /**
     * Whether a call's body is followed: a static or private method (or a constructor's {@code
     * super}/{@code this} call is not: wrapping moves nothing, D19). A virtual call's target is
     * not known, and the JDK's methods are the models' word: neither is taken to keep anything.
     */
    private boolean followed(MethodInsnNode call) {
      return call.getOpcode() == Opcodes.INVOKESTATIC || (call.getOpcode() == Opcodes.INVOKESPECIAL && !call.name.equals("<init>"));
    }

    /**
     * The parameters a value carries: the one it is, and those a new object was built around — a
     * wrapper given away carries them where it goes ({@code CloserUtil.close(new
     * BufferedReader(r))}, as decision 287 reads {@code keep(new OutputStreamWriter(out))}).
     */
    private BitSet carried(SourceValue v) {
      BitSet found = new BitSet();
      carried(v, found, 0);
      return found;
    }

    private void carried(SourceValue v, BitSet into, int depth) {
      mark(v, into);
      AbstractInsnNode made = depth > 4 ? null : newOf(v, 0);
      if (made == null) {
        return;
      }
      for (SourceValue argument : constructorArguments(made)) {
        carried(argument, into, depth + 1);
      }
    }

    /** The {@code new} a value is, followed through copies, casts and locals; null if not one. */
    private AbstractInsnNode newOf(SourceValue v, int depth) {
      if (v == null || v.insns.size() != 1 || depth > 8) {
        return null;
      }
      AbstractInsnNode source = v.insns.iterator().next();
      int op = source.getOpcode();
      if (op == Opcodes.NEW) {
        return source;
      }
      Frame<SourceValue> f = frames[code.indexOf(source)];
      if (f == null) {
        return null;
      }
      if (op == Opcodes.ALOAD) {
        int slot = ((VarInsnNode) source).var;
        return slot < parameterSlots ? null : newOf(f.getLocal(slot), depth + 1);
      }
      if (op == Opcodes.ASTORE || op == Opcodes.CHECKCAST || op == Opcodes.DUP) {
        return newOf(f.getStack(f.getStackSize() - 1), depth + 1);
      }
      return null;
    }

    /** The arguments of the constructor run on the object a {@code new} made. */
    private List<SourceValue> constructorArguments(AbstractInsnNode made) {
      for (int i = 0; i < code.size(); i++) {
        if (code.get(i) instanceof MethodInsnNode init
            && init.getOpcode() == Opcodes.INVOKESPECIAL
            && init.name.equals("<init>")
            && frames[i] != null) {
          int args = Type.getArgumentTypes(init.desc).length;
          Frame<SourceValue> f = frames[i];
          int receiver = f.getStackSize() - args - 1;
          if (receiver >= 0 && newOf(f.getStack(receiver), 0) == made) {
            List<SourceValue> out = new ArrayList<>(args);
            for (int a = 0; a < args; a++) {
              out.add(f.getStack(receiver + 1 + a));
            }
            return out;
          }
        }
      }
      return List.of();
    }

    /** Whether a value is {@code this}: slot 0 of an instance method, never assigned. */
    boolean isThis(SourceValue v) {
      if ((method.access & Opcodes.ACC_STATIC) != 0 || assignedSlots.get(0) || v == null || v.insns.isEmpty()) {
        return false;
      }
      for (AbstractInsnNode source : v.insns) {
        if (!(source instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD && load.var == 0)) {
          return false;
        }
      }
      return true;
    }

    /** The field of {@code this} a value was read from ({@code this.writer}), or null. */
    String fieldOfThis(SourceValue v) {
      if (v == null || v.insns.size() != 1) {
        return null;
      }
      AbstractInsnNode source = v.insns.iterator().next();
      if (source.getOpcode() == Opcodes.CHECKCAST || source.getOpcode() == Opcodes.DUP) {
        Frame<SourceValue> f = frames[code.indexOf(source)];
        return f == null ? null : fieldOfThis(f.getStack(f.getStackSize() - 1));
      }
      if (source.getOpcode() != Opcodes.GETFIELD) {
        return null;
      }
      Frame<SourceValue> f = frames[code.indexOf(source)];
      return f != null && isThis(f.getStack(f.getStackSize() - 1)) ? ((FieldInsnNode) source).name : null;
    }

    /**
     * The parameters a value carries on some path: for each instruction that may have made it
     * (the arms of {@code w = buffered ? new BufferedWriter(writer) : writer}), the parameter it
     * is or those a new object was built around.
     */
    BitSet carriedOnAnyPath(SourceValue v) {
      BitSet found = new BitSet();
      for (AbstractInsnNode source : v.insns) {
        carried(new SourceValue(v.size, source), found, 0);
      }
      return found;
    }

    private void mark(SourceValue v, BitSet into) {
      int p = parameterOf(v, 0);
      if (p >= 0) {
        into.set(p);
      }
    }

    BitSet closedOnEveryReturn() {
      // A forward "closed on every path" analysis: the state is the parameters closed (or found
      // null) so far; paths meet by intersection; unreached instructions have no state.
      BitSet[] in = new BitSet[code.size()];
      in[0] = new BitSet();
      Deque<Integer> work = new ArrayDeque<>(List.of(0));
      BitSet atReturns = null;
      while (!work.isEmpty()) {
        int i = work.poll();
        BitSet out = (BitSet) in[i].clone();
        AbstractInsnNode insn = code.get(i);
        closedBy(i, insn, out);
        if (isReturn(insn)) {
          if (atReturns == null) {
            atReturns = (BitSet) out.clone();
          } else {
            atReturns.and(out);
          }
          continue;
        }
        for (int next : successors.get(i)) {
          BitSet along = (BitSet) out.clone();
          refinedAlong(i, insn, next, along);
          flow(in, next, along, work);
        }
        if (insn instanceof MethodInsnNode || insn.getOpcode() == Opcodes.ATHROW) {
          for (int handler : handlers.get(i)) {
            flow(in, handler, out, work);
          }
        }
      }
      // Never returning normally, it closes nothing for a caller to count on.
      return atReturns == null ? new BitSet() : atReturns;
    }

    private void flow(BitSet[] in, int to, BitSet state, Deque<Integer> work) {
      if (in[to] == null) {
        in[to] = (BitSet) state.clone();
        work.add(to);
      } else {
        BitSet met = (BitSet) in[to].clone();
        met.and(state);
        if (!met.equals(in[to])) {
          in[to] = met;
          work.add(to);
        }
      }
    }

    /** Runs ASM's analyser for the stack values and the edges; false where it cannot. */
    private boolean analyse() {
      Analyzer<SourceValue> analyzer =
          new Analyzer<>(new SourceInterpreter()) {
            @Override
            protected void newControlFlowEdge(int from, int to) {
              if (!successors.get(from).contains(to)) {
                successors.get(from).add(to);
              }
            }

            @Override
            protected boolean newControlFlowExceptionEdge(int from, TryCatchBlockNode handler) {
              int to = code.indexOf(handler.handler);
              if (!handlers.get(from).contains(to)) {
                handlers.get(from).add(to);
              }
              return true;
            }
          };
      try {
        frames = analyzer.analyze(owner, method);
        return true;
      } catch (AnalyzerException | RuntimeException e) {
        return false;
      }
    }

    /** What instruction {@code i} closes: a parameter it calls {@code close()} on or hands to a closer. */
    private void closedBy(int i, AbstractInsnNode insn, BitSet state) {
      if (!(insn instanceof MethodInsnNode call) || frames[i] == null) {
        return;
      }
      Frame<SourceValue> f = frames[i];
      Type[] args = Type.getArgumentTypes(call.desc);
      int first = f.getStackSize() - args.length; // the stack index of the first argument
      if (call.getOpcode() != Opcodes.INVOKESTATIC) {
        if (call.name.equals("close") && call.desc.equals("()V")) {
          mark(f.getStack(first - 1), state);
        }
        return;
      }
      Answer callee = null;
      for (int a = 0; a < args.length; a++) {
        if (args[a].getSort() != Type.OBJECT) {
          continue;
        }
        int p = parameterOf(f.getStack(first + a), 0);
        if (p < 0) {
          continue;
        }
        if (callee == null) {
          callee = ParameterUses.this.of(call.owner, call.name, call.desc, underWay);
          cut |= callee.cut();
        }
        if (callee.closes(a)) {
          state.set(p);
        }
      }
    }

    /** A branch on a parameter being null, or not an instance of a type, closes it along that edge. */
    private void refinedAlong(int i, AbstractInsnNode insn, int next, BitSet state) {
      if (!(insn instanceof JumpInsnNode jump) || frames[i] == null || frames[i].getStackSize() == 0) {
        return;
      }
      boolean jumps = next == code.indexOf(jump.label);
      SourceValue top = frames[i].getStack(frames[i].getStackSize() - 1);
      switch (jump.getOpcode()) {
        case Opcodes.IFNULL, Opcodes.IFNONNULL -> {
          if (jumps == (jump.getOpcode() == Opcodes.IFNULL)) {
            mark(top, state);
          }
        }
        case Opcodes.IFEQ, Opcodes.IFNE -> {
          AbstractInsnNode test = top.insns.size() == 1 ? top.insns.iterator().next() : null;
          if (jumps == (jump.getOpcode() == Opcodes.IFEQ) && test != null && test.getOpcode() == Opcodes.INSTANCEOF) {
            Frame<SourceValue> tf = frames[code.indexOf(test)];
            if (tf != null) {
              mark(tf.getStack(tf.getStackSize() - 1), state);
            }
          }
        }
        default -> {
          // Other branches say nothing of a parameter.
        }
      }
    }

    /**
     * The parameter a stack value is, followed through casts, copies and locals it was stored in,
     * or -1: not one parameter's value.
     */
    private int parameterOf(SourceValue v, int depth) {
      if (v == null || v.insns.isEmpty() || depth > 8) {
        return -1;
      }
      int found = -1;
      for (AbstractInsnNode source : v.insns) {
        int p = parameterOfSource(source, depth);
        if (p < 0 || (found >= 0 && found != p)) {
          return -1;
        }
        found = p;
      }
      return found;
    }

    private int parameterOfSource(AbstractInsnNode source, int depth) {
      int at = code.indexOf(source);
      Frame<SourceValue> f = frames[at];
      if (f == null) {
        return -1;
      }
      int op = source.getOpcode();
      if (op == Opcodes.ALOAD) {
        int slot = ((VarInsnNode) source).var;
        if (slot < parameterSlots && assignedSlots.get(slot)) {
          return -1; // a parameter's slot assigned somewhere: which value it holds here is not known
        }
        SourceValue local = f.getLocal(slot);
        if (local.insns.isEmpty()) {
          // The value the slot had on entry: a parameter's.
          for (int p = 0; p < slotOf.length; p++) {
            if (slotOf[p] == slot) {
              return p;
            }
          }
          return -1;
        }
        return parameterOf(local, depth + 1);
      }
      if (op == Opcodes.ASTORE || op == Opcodes.CHECKCAST || op == Opcodes.DUP) {
        return parameterOf(f.getStack(f.getStackSize() - 1), depth + 1);
      }
      return -1;
    }

    private static boolean isReturn(AbstractInsnNode insn) {
      int op = insn.getOpcode();
      return op >= Opcodes.IRETURN && op <= Opcodes.RETURN;
    }
  }
}
