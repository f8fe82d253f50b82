/// <reference lib="dom" />

/** An element with attributes and children: the page is built with this and nothing else. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

/** A labelled control: the label names it, for screen readers and for a click. */
export function labelled(id: string, text: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, text),
    control,
    hint ? h('span', { class: 'hint', id: hintId }, hint) : null,
  );
}
