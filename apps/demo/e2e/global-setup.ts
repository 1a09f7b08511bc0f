import { buildApp, SCREENSHOTS } from './harness.js';

export default function setup(): void {
  buildApp();
  console.log(`\nEnd-to-end screenshots: ${SCREENSHOTS}\n`);
}
