// Vite's `?inline` imports: the file's content as a string (used for the pane's CSS).
declare module '*.css?inline' {
  const css: string;
  export default css;
}
