import { describe, expect, it } from 'vitest';
import { classNames, declarationFor, declarationPath, staleDeclarations } from './css-module-types.ts';

describe('CSS Module types', () => {
  it('list each class of a stylesheet once, camelCased as Vite exposes them, ignoring comments', () => {
    const css = '/* .not-me */ .overlay { background: url(a.png) } .modal-card:hover, .overlay > .sign-out__title { } @media (min-width: 1px) { .wide { margin: 0.5rem } }';
    expect(classNames(css)).toEqual(['modalCard', 'overlay', 'signOut__title', 'wide']);
    expect(declarationFor('.a {}')).toContain('  readonly a: string;\n');
  });

  it('sit beside the stylesheet where TypeScript looks for them', () => {
    expect(declarationPath('/r/components/ModalDialog.module.css')).toBe('/r/components/ModalDialog.module.d.css.ts');
  });

  it('are up to date for every stylesheet in renderer/', () => {
    expect(staleDeclarations()).toEqual([]);
  });
});
