package org.sanyi.testing;

import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips every Quarkus test class, with the reason, when {@code -Dsanyi.infra=testcontainers} is set and no Docker
 * engine answers. Quarkus starts the test resource while booting the application and reports a resource that
 * aborts as a failed boot, so the skip has to be decided before: JUnit asks this condition first. Plain test
 * classes need no condition: the infrastructure they ask for aborts them with the same message.
 *
 * <p>Registered through {@code META-INF/services/org.junit.jupiter.api.extension.Extension}; Quarkus's test
 * configuration turns on JUnit's extension auto-detection.
 */
public class ContainerEngineCondition implements ExecutionCondition {

    private static final Set<String> QUARKUS_TEST_ANNOTATIONS =
            Set.of("io.quarkus.test.junit.QuarkusTest", "io.quarkus.test.junit.main.QuarkusMainTest");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        Optional<Class<?>> testClass = context.getTestClass();
        if (testClass.isEmpty() || !isQuarkusTest(testClass.get())) {
            return ConditionEvaluationResult.enabled("not a Quarkus test");
        }
        if (!(Boolean) JvmWideAccess.invoke("usesContainers")) {
            return ConditionEvaluationResult.enabled("embedded Kafka and PostgreSQL");
        }
        String problem = (String) JvmWideAccess.invoke("infrastructureProblem");
        return problem == null
                ? ConditionEvaluationResult.enabled("a Docker engine answers")
                : ConditionEvaluationResult.disabled(problem);
    }

    private static boolean isQuarkusTest(Class<?> testClass) {
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Annotation annotation : type.getAnnotations()) {
                if (QUARKUS_TEST_ANNOTATIONS.contains(
                        annotation.annotationType().getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
