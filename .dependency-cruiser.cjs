// The folder rules of docs/architecture.md, written here once and checked by `npm run check`. Paths
// are from the repository's root; npm packages and Node's modules are free outside protocol/
// (node_modules is not cruised). A .svelte file is read after the Svelte compiler has dropped its
// type-only imports, so those escape the rules there; in .ts files they count.

/** What the project's own code lives in; `locales/` is words, not code (lib's i18n types its keys from them). */
const PROJECT = '^(src|protocol|server)/';

module.exports = {
  forbidden: [
    {
      // An import the cruiser cannot follow would pass every rule below unseen.
      name: 'resolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      // A cycle has no bottom: neither side can be read, tested or moved without the other.
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      // The pure helpers are the bottom layer: anything may use them, and they know nothing of the story.
      name: 'lib-stands-alone',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: PROJECT, pathNot: '^src/lib/' },
    },
    {
      // The colours and the breakpoints are read by the build (and the icon script) too: each one module, importing nothing.
      name: 'design-tables-stand-alone',
      severity: 'error',
      from: { path: '^src/(colours|breakpoints)\\.ts$' },
      to: { path: PROJECT },
    },
    {
      // The content model is plain data and its types, written with the helpers only.
      name: 'data-on-lib-only',
      severity: 'error',
      from: { path: '^src/data/' },
      to: { path: PROJECT, pathNot: '^src/(data|lib)/' },
    },
    {
      // A chart draws figures wherever it is put; it does not know the page, the deck or the hall around it.
      name: 'charts-know-no-page',
      severity: 'error',
      from: { path: '^src/charts/' },
      to: { path: '^src/(story|present|hall|views)/' },
    },
    {
      // The scroll engines measure and report; what is laid out (components, the story, its charts) is told, not imported.
      name: 'scroll-knows-no-layout',
      severity: 'error',
      from: { path: '^src/scroll/' },
      to: { path: '^src/', pathNot: ['^src/(scroll|lib)/'] },
    },
    {
      // The deck runs without a hall (a laptop and a projector); the hall's client builds on the deck.
      name: 'present-knows-no-hall',
      severity: 'error',
      from: { path: '^src/present/' },
      to: { path: '^src/hall/' },
    },
    {
      // What the server and the pages agree on is written once, in plain JS that runs on both: no imports at all.
      name: 'protocol-stands-alone',
      severity: 'error',
      from: { path: '^protocol/' },
      to: { pathNot: '^protocol/' },
    },
    {
      // The venue server is plain Node: it shares the protocol with the pages, nothing else of theirs.
      name: 'server-not-on-pages',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^src/' },
    },
    {
      // The pages reach the server over HTTP only, never by importing it.
      name: 'pages-not-on-server',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a type moved to the wrong folder drags its folder's rules along.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // `.svelte` files are read through the installed Svelte compiler; `.svelte.ts` modules are imported without `.ts`.
    enhancedResolveOptions: {
      extensions: ['.ts', '.js', '.mjs', '.svelte', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['svelte', 'import', 'default'],
      mainFields: ['svelte', 'module', 'main'],
    },
  },
};
