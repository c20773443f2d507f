package io.disputedesk.paypal;

/** A file to send to PayPal as one part of a multipart request. */
public record UploadFile(String name, String contentType, byte[] content) {}
