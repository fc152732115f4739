/// <reference types="vite/client" />

declare module 'virtual:scenario-library' {
  const data: unknown;
  export default data;
}

declare module 'virtual:scenario-problems' {
  const problems: string[];
  export default problems;
}

declare module 'virtual:region-atlas' {
  import type { Topology } from 'topojson-specification';
  const atlas: Topology;
  export default atlas;
}

declare module 'virtual:flag-sheet' {
  /** The URL of the flags' sheet (src/content/flag-sheet.ts). */
  const url: string;
  export default url;
}
