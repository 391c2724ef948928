package dev.dtrust.cli;

import java.lang.management.ManagementFactory;

/** A stand-in for dt.jar's main class in {@link LauncherScriptTest}: prints its JVM flags and arguments. */
public final class LauncherProbe {
  private LauncherProbe() {}

  /** Prints the JVM's input arguments and the program arguments; exits with the last argument's number. */
  public static void main(String[] args) {
    System.out.println("jvm " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    System.out.println("args " + String.join(" ", args));
    System.exit(args.length > 0 && args[args.length - 1].matches("\\d+") ? Integer.parseInt(args[args.length - 1]) : 0);
  }
}
