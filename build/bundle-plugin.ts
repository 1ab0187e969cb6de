/**
 * The shape of this project's build plugins: they run on the client build's bundle once Vite's
 * HTML plugin has written the pages (`enforce: 'post'`), in the order build/html-pipeline.ts lists them.
 */
import type { Plugin, ResolvedConfig, Rolldown } from 'vite';

type GenerateBundle = (
  this: ThisParameterType<Extract<Plugin['generateBundle'], (...args: never[]) => unknown>>,
  bundle: Rolldown.OutputBundle,
  config: ResolvedConfig,
) => void | Promise<void>;

export function bundlePlugin(name: string, generate: GenerateBundle): Plugin {
  let config: ResolvedConfig;
  return {
    name: `visitor-opinions:${name}`,
    enforce: 'post',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle(_options, bundle) {
      if (!config.build.ssr) await generate.call(this, bundle, config);
    },
  };
}
