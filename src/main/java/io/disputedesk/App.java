package io.disputedesk;

public final class App {
  public static void main(String[] args) {}
}
