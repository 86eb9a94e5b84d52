package org.sanyi.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.sanyi.testing.SanyiTestInfrastructure;

@QuarkusTest
@QuarkusTestResource(value = SanyiTestInfrastructure.class, restrictToAnnotatedClass = false)
class ConcurrentWritesTest {

    /**
     * Writers racing on one institution either win (200, a new version) or lose (412: the version they decided on is gone; 409 where two commits collide); never two writes with one
     * version, never a gap in the history, never a 500.
     */
    @Test
    void racingWritersProduceOneVersionPerSuccessfulWrite() throws Exception {
        String code = Callers.freshCode("ZN");
        Callers.asAdmin()
                .body(Callers.institutionBody("周宁县并发测试医院", "GENERAL_HOSPITAL", "SECONDARY"))
                .put("/v1/institutions/" + code)
                .then()
                .statusCode(201);

        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String name = "周宁县并发测试医院 " + i;
                Callable<Integer> write = () -> {
                    start.await();
                    return Callers.asAdmin()
                            .header("If-Match", "\"1\"")
                            .body(Callers.institutionBody(name, "GENERAL_HOSPITAL", "SECONDARY"))
                            .put("/v1/institutions/" + code)
                            .statusCode();
                };
                statuses.add(pool.submit(write));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }

            // Every writer decided on version 1: one wins, the others learn that it moved on.
            assertThat(results).allMatch(status -> status == 200 || status == 412 || status == 409);
            long successes = results.stream().filter(status -> status == 200).count();
            assertThat(successes).isEqualTo(1);
            long version = Callers.asHospital()
                    .get("/v1/institutions/" + code)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getLong("version");
            assertThat(version).isEqualTo(1 + successes);
            List<Long> history = Callers.asHospital()
                    .get("/v1/institutions/" + code + "/history")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("version", Long.class);
            assertThat(history)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, version)
                            .map(v -> version + 1 - v)
                            .boxed()
                            .toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
