/**
 * Services of a compose file where `slow` waits five minutes for its health (its start period)
 * and `api` waits for `slow` to be healthy: an `up` that is still waiting when it is aborted.
 */
export const slowHealthServices = `
  slow:
    image: stacktui-test/busybox:1
    command: idle
    healthcheck: {test: ["CMD", "healthy"], interval: 1s, retries: 3, start_period: 300s}
  api:
    image: stacktui-test/busybox:1
    command: idle
    depends_on:
      slow: {condition: service_healthy}
`;

/** What an up of `slowHealthServices` aborted while slow waits for health leaves. */
export const slowAbortLine = 'up aborted: slow started, not healthy yet; api created, not started';
