package io.disputedesk.slack;

/**
 * The payload of an EDIT outbox row: {@code post} replaces, in place, the message that the outbox
 * row keyed {@code target} posted (a thread reply).
 */
public record ThreadEdit(String target, SlackPost post) {}
