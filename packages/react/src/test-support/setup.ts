import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library unmounts automatically only with vitest globals; this project has none.
afterEach(() => {
  if (typeof document !== 'undefined') cleanup();
});
