// What the benchmarks bundle with esbuild: one CommonJS file for this Node.js, run as it is.
export const NODE_BUNDLE = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };
