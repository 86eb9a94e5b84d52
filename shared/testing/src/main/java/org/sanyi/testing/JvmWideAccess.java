package org.sanyi.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls {@link JvmWideInfrastructure} in the system class loader, so that every Quarkus test application of
 * one JVM, whatever class loader it gets, shares a single broker, database server and key set.
 */
final class JvmWideAccess {

    private static final Class<?> OWNER = locateOwner();

    private JvmWideAccess() {}

    static Object invoke(String methodName) {
        try {
            Method method = OWNER.getMethod(methodName);
            return method.invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtimeException) {
                throw runtimeException;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach " + OWNER.getName() + "." + methodName, e);
        }
    }

    private static Class<?> locateOwner() {
        Class<?> local = JvmWideInfrastructure.class;
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (local.getClassLoader() == system) {
            return local;
        }
        try {
            return Class.forName(local.getName(), true, system);
        } catch (ClassNotFoundException | LinkageError e) {
            // This library is not on the system class path (unusual launcher): this loader's copy is the only one.
            return local;
        }
    }
}
