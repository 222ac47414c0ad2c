// The Workback GitHub Action (action.yml's `main`): the committed CLI bundle, run as the action.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS file, as the runner's node loads it
require('../bin/workback.js').actionMain();
