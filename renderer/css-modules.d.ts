/** A CSS Module (`X.module.css` beside its component): its class names as the keys Vite gives them (camelCase). */
declare module '*.module.css' {
  const classes: { readonly [className: string]: string };
  export default classes;
}
