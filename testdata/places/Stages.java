package places;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Declares, besides itself, a second top-level class that another file uses (decision 254). */
public class Stages {}

class Stage {
  final List<String> steps = new ArrayList<>();
  final List<String> hooks = new CopyOnWriteArrayList<>();
}
