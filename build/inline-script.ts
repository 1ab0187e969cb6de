/**
 * An inline `<script>`'s body compiled from TypeScript under src/ at build time: the module's
 * exported function, bundled with what it imports into one minified IIFE and called with
 * `data` as JSON. The static-host plugin allows it in the CSP by its hash.
 */
export async function compileInlineScript(root: string, module: string, exportName: string, data?: unknown): Promise<string> {
  // Loaded when used: esbuild refuses to load in jsdom, where the plugins' unit tests run.
  const { build } = await import('esbuild');
  const call = data === undefined ? `${exportName}()` : `${exportName}(${JSON.stringify(data)})`;
  const { outputFiles } = await build({
    stdin: { contents: `import { ${exportName} } from './${module}';\n${call};`, resolveDir: root, loader: 'ts', sourcefile: 'inline-script.ts' },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    platform: 'browser',
    target: 'es2020',
    legalComments: 'none',
  });
  const script = outputFiles[0]?.text.trim() ?? '';
  // The HTML parser would end the element there.
  if (/<\/script/i.test(script)) throw new Error(`${module}: the inline script may not contain "</script".`);
  return script;
}
