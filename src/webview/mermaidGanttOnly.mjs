// esbuild plugin for the timeline webview bundle: Mermaid loads each diagram type (and its
// layouts, KaTeX...) through a dynamic import; the timeline draws Gantt charts only, so every
// other dynamic import inside Mermaid becomes a stub that throws if it is ever called. The
// bundle shrinks from 3.5 MB to 0.8 MB minified, which is most of the panel's start-up time.
// If a Mermaid upgrade routes Gantt through another chunk, the panel shows the stub's error
// ("not bundled: ...") as text and the timeline's integration test fails.
export const mermaidGanttOnly = {
  name: 'mermaid-gantt-only',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      if (!/[\\/]node_modules[\\/](mermaid|@mermaid-js)[\\/]/.test(args.importer)) return undefined;
      if (/[\\/]ganttDiagram-[A-Za-z0-9]+\.mjs$/.test(args.path)) return undefined;
      return { path: args.path, namespace: 'mermaid-not-bundled' };
    });
    build.onLoad({ filter: /.*/, namespace: 'mermaid-not-bundled' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`not bundled in the timeline: ${args.path}`)});`,
      loader: 'js',
    }));
  },
};
