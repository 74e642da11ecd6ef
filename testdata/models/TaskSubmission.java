package models;

import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Executors, threads and CompletableFuture keep their tasks (@Retained), they do not move them: all clean. */
public class TaskSubmission {

  // Negative: a submitted task captures a local; the caller keeps using it.
  int submitAndUse(ExecutorService pool, List<String> names) throws InterruptedException, ExecutionException {
    List<String> snapshot = List.copyOf(names);
    Future<Integer> f = pool.submit(() -> snapshot.size());
    System.out.println("submitted " + snapshot);
    return f.get();
  }

  // Negative: the same Runnable executed twice, then run inline.
  void executeTwice(ExecutorService pool, AtomicInteger counter) {
    Runnable task = counter::incrementAndGet;
    pool.execute(task);
    pool.execute(task);
    task.run();
  }

  // Negative: threads share one Runnable; the counter is read after join().
  int runOnThreads() throws InterruptedException {
    AtomicInteger counter = new AtomicInteger();
    Runnable job = counter::incrementAndGet;
    Thread t1 = new Thread(job, "worker-1");
    Thread t2 = new Thread(job, "worker-2");
    t1.start();
    t2.start();
    t1.join();
    t2.join();
    return counter.get();
  }

  // Negative: CompletableFuture async stages capture a local string and a function reused later.
  String async(String user) {
    Function<String, String> greet = name -> "hello " + name;
    CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> user.trim()).thenApplyAsync(greet);
    String local = greet.apply(user);
    return f.join() + " / " + local;
  }

  // Negative: runAsync on an explicit executor, then thenRunAsync; the executor is shut down afterwards.
  void runAll(List<String> jobs) {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<Void> f = CompletableFuture.runAsync(() -> System.out.println(jobs.size()), pool)
          .thenRunAsync(() -> System.out.println("done"), pool);
      f.join();
      System.out.println(jobs);
    } finally {
      pool.shutdown();
    }
  }

  // Negative: invokeAll() with a task list that is inspected afterwards.
  int invokeAll(ExecutorService pool, List<Integer> inputs) throws InterruptedException, ExecutionException {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (Integer in : inputs) {
      tasks.add(() -> in * in);
    }
    List<Future<Integer>> results = pool.invokeAll(tasks);
    int sum = 0;
    for (Future<Integer> r : results) {
      sum += r.get();
    }
    System.out.println(tasks.size() + " tasks");
    return sum;
  }

  // Negative: a scheduled task cancelled later through its future.
  void heartbeat(ScheduledExecutorService scheduler, Runnable beat) throws InterruptedException {
    ScheduledFuture<?> handle = scheduler.scheduleAtFixedRate(beat, 0, 1, TimeUnit.SECONDS);
    Thread.sleep(10);
    beat.run();
    handle.cancel(false);
  }

  // Negative: a TimerTask scheduled on a Timer and cancelled later.
  void timer(Timer timer) {
    TimerTask task = new TimerTask() {
      @Override
      public void run() {
        System.out.println("tick");
      }
    };
    timer.schedule(task, 100L, 100L);
    task.cancel();
    timer.purge();
  }
}
