package org.sanyi.testing;

/** The PostgreSQL server of a test JVM with one fresh, randomly named database, embedded or in a container. */
interface TestDatabase {

    /** Both kinds are set up with these credentials, so the application's configuration does not depend on the kind. */
    String USERNAME = "postgres";

    String PASSWORD = "postgres";

    String jdbcUrl();

    void close();
}
