/**
 * The deep links' shell's inline script, right after its root (build/prerender-plugin.ts): one
 * shell serves every language, prerendered in each, the others kept in inert templates. The
 * head's script has settled the page's language by now (language-script.ts), and this one puts
 * the shell in that language on screen before the first paint: no page flashes English first.
 */
export const SHELL_LANGUAGE_ATTRIBUTE = 'data-shell-language';

export function showShellInLanguage(): void {
  const root = document.getElementById('root');
  const template = root?.querySelector(`template[${SHELL_LANGUAGE_ATTRIBUTE}="${document.documentElement.lang}"]`);
  if (root && template instanceof HTMLTemplateElement) root.replaceChildren(template.content);
}
