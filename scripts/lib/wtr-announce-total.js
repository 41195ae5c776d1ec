// Loaded by the browser test page before the test framework: as soon as mocha has collected a file's tests
// (before the first one runs), tells the test runner how many there are. A file that then hangs or crashes
// can have its unfinished tests reported as not run, instead of vanishing from the count.
import { sendMessageWaitForResponse } from '/__web-dev-server__web-socket.js';

const sessionId = new URL(window.location.href).searchParams.get('wtr-session-id');
let runner;
// @web/test-runner's mocha adapter stores its runner here right after creating it; tests start on a later
// task, so the message below leaves before any test can block the page.
Object.defineProperty(window, '__WTR_MOCHA_RUNNER__', {
  configurable: true,
  get: () => runner,
  set(value) {
    runner = value;
    if (sessionId && typeof value?.total === 'number') {
      void sendMessageWaitForResponse({
        type: 'wtr-command',
        sessionId,
        command: 'xd-tests-total',
        payload: { total: value.total },
      });
    }
  },
});
