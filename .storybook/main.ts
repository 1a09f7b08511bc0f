// The configuration lives in packages/react/storybook so it resolves that package's dependencies.
export { default } from '../packages/react/storybook/main.ts';
