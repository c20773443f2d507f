package io.disputedesk.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs PostgreSQL: each test (and its {@code @BeforeEach} methods) receives a
 * {@link TestDatabase} for a throwaway database of its own, dropped afterwards. Skipped with the
 * reason when no server is reachable, unless the {@code CI} variable is set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnPostgresExtension.class)
public @interface OnPostgres {}
