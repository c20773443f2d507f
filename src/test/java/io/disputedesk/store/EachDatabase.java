package io.disputedesk.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once on a fresh SQLite file and once on a fresh PostgreSQL schema; the test and its
 * {@code @BeforeEach} methods receive the {@link TestDatabase} as a parameter. The PostgreSQL run
 * is skipped when no server is reachable, unless the {@code CI} variable is set.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EachDatabaseExtension.class)
public @interface EachDatabase {}
