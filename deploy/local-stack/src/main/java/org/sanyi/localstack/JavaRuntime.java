package org.sanyi.localstack;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/** The Java that runs this launcher, reused for the services and for the detached launcher. */
final class JavaRuntime {

    private JavaRuntime() {}

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** JVM options this launcher was started with (e.g. -Xmx), passed on to a detached copy of itself. */
    static List<String> launcherJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** This launcher's class path with absolute entries, valid from any working directory. */
    static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
