package dev.archbench.workloads.web.load;

/**
 * One request as the load generator sends it and what every answer must be: the exact bytes of the
 * request (keep-alive, sent as is), the expected status, and the expected body, or {@code null} when
 * any body will do (a user's service, whose answers archbench cannot know; {@code --target}).
 */
public record Exchange(byte[] request, int expectedStatus, byte[] expectedBody) {

  /** An archbench endpoint: status 200 and the body the validation pass saw, byte for byte. */
  public static Exchange of(Endpoint endpoint, LoadTarget target, byte[] expectedBody) {
    return new Exchange(endpoint.request(target.hostHeader()), 200, expectedBody);
  }
}
