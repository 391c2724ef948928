package dev.dtrust.cli;

/**
 * Whether Spark is on the class path. Spark is {@code provided}: the dt jar does not contain it,
 * spark-submit supplies it. The check runs before any class that uses Spark is loaded, so a user
 * without Spark gets one line instead of a {@link NoClassDefFoundError}.
 */
final class SparkClassPath {
  /** The class whose presence stands for Spark SQL. */
  static final String SPARK_SESSION = "org.apache.spark.sql.SparkSession";
  /** What {@code dt run --spark-master} says without Spark. */
  static final String MISSING = "--spark-master needs Spark on the class path: run the dt jar with spark-submit,"
      + " or add spark-sql_2.13 4.x and its dependencies to the class path";

  private SparkClassPath() {}

  /** Whether the loader can see Spark SQL. */
  static boolean present(ClassLoader loader) {
    try {
      Class.forName(SPARK_SESSION, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Throws the usage error {@link #MISSING} (exit 2) when the loader cannot see Spark SQL. */
  static void require(ClassLoader loader) {
    if (!present(loader)) {
      throw new IllegalArgumentException(MISSING);
    }
  }
}
