package io.mechanist.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The tests' one Spark (a JVM holds one SparkContext): {@code local[2,4]}, two task slots and up to four attempts
 * per task, so injected task failures are retried as on a cluster. Spark stops it when the JVM exits.
 */
final class LocalSpark {

    private static JavaSparkContext context;

    private LocalSpark() {
    }

    static synchronized JavaSparkContext context() {
        if (context == null) {
            context = new JavaSparkContext(new SparkConf().setMaster("local[2,4]").setAppName("mechanist tests")
                    .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1"));
        }
        return context;
    }
}
