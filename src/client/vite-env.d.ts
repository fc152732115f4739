/// <reference types="vite/client" />

declare module 'virtual:scenario-library' {
  const data: unknown;
  export default data;
}
