// One definition for the server and the mocks: see @orgkit/core/presets.
export { orgkitSettings } from '@orgkit/core/presets';
