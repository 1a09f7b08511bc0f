import '@testing-library/jest-dom/vitest';
import { notifyManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Query observers notify on a 0 ms timer by default, which `act` does not wait for: on a busy
// machine a render could land after an assertion. Microtasks are flushed by `act`.
notifyManager.setScheduler(queueMicrotask);

// Testing Library unmounts automatically only with vitest globals; this project has none.
afterEach(() => {
  if (typeof document !== 'undefined') cleanup();
});
