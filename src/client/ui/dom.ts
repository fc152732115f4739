/** A tiny DOM builder: semantic elements, no framework. */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function')
      el.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    else if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  return el;
};

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isField = (el: Element): el is Field =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLSelectElement ||
  el instanceof HTMLTextAreaElement;
const isChoice = (el: Field): el is HTMLInputElement =>
  el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
/** What a field holds: checked for a box or a radio, else its value. */
const valueOf = (el: Field): string | boolean => (isChoice(el) ? el.checked : el.value);
/** Gives a field back what it held; a select only takes a value one of its options has. */
const restore = (el: Field, v: string | boolean): void => {
  if (isChoice(el)) el.checked = v === true;
  else if (el instanceof HTMLSelectElement) {
    if ([...el.options].some((o) => o.value === v)) el.value = String(v);
  } else el.value = String(v);
};

type Name = 'id' | 'data-key';
const fieldsOf = (root: HTMLElement, name: Name): Field[] =>
  [...root.querySelectorAll(`[${name}]`)].filter(isField);

/** What a root's form fields hold, by the attribute that names them; fields fed by a draft left out. */
const keepFields = (root: HTMLElement, name: Name): Map<string, string | boolean> =>
  new Map(
    fieldsOf(root, name)
      .filter((el) => !el.hasAttribute('data-draft'))
      .map((el) => [el.getAttribute(name)!, valueOf(el)]),
  );

/**
 * Gives the fields drawn anew what the old ones held. Selects come first and, with `announce`, say
 * they changed: other fields may depend on them (the delegations offered for a scenario) and are
 * looked up again after.
 */
const giveBack = (
  root: HTMLElement,
  name: Name,
  kept: Map<string, string | boolean>,
  announce = false,
): void => {
  if (!kept.size) return;
  for (const el of fieldsOf(root, name)) {
    const v = kept.get(el.getAttribute(name)!);
    if (!(el instanceof HTMLSelectElement) || v === undefined || el.value === v) continue;
    restore(el, v);
    if (announce) el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  for (const el of fieldsOf(root, name)) {
    const v = kept.get(el.getAttribute(name)!);
    if (v !== undefined && !(el instanceof HTMLSelectElement)) restore(el, v);
  }
};

/**
 * How far each element was last scrolled, noted from its scroll events. Reading `scrollTop` makes
 * the browser lay the page out first whenever the page changed since the last layout: a desk drawn
 * anew panel by panel would be laid out twice for every panel (about 10–30 ms at Start on a slow
 * machine), though no panel scrolls by itself.
 */
const scrolledTo = new WeakMap<EventTarget, number>();
let noting = false;
const noteScrolling = (): void => {
  if (noting) return;
  noting = true;
  document.addEventListener(
    'scroll',
    (e) => {
      if (e.target instanceof Element) scrolledTo.set(e.target, e.target.scrollTop);
    },
    { capture: true, passive: true },
  );
};

type Editable = HTMLInputElement | HTMLTextAreaElement;
const editable = (el: Element | null): el is Editable =>
  el instanceof HTMLTextAreaElement ||
  (el instanceof HTMLInputElement && /^(text|search|number|url|email)$/.test(el.type));

/**
 * Replaces an element's children, keeping keyboard focus on the element with the same data-key
 * (and, in a text field, the caret where it was). When the focused control is gone (the button
 * just pressed), focus stays in the host, if it can take focus, rather than falling to the page.
 * What the player chose or typed in a form field with a data-key (a motion, a crisis response, a
 * statement) is kept, unless the field is marked data-draft (its value then comes from a draft);
 * a disclosure (`details`) the player opened stays open if its summary has a data-key. A panel
 * is drawn anew whenever another delegation moves, and a clock tick is a move.
 */
export const replaceKeepingFocus = (host: HTMLElement, ...children: (Node | null)[]): void => {
  const values = keepFields(host, 'data-key');
  const opened = [...host.querySelectorAll<HTMLElement>('details[open] > summary[data-key]')].map(
    (x) => x.dataset.key!,
  );
  const active = document.activeElement as HTMLElement | null;
  const inside = !!active && active !== host && host.contains(active);
  const key = inside ? active.dataset.key : undefined;
  const caret =
    editable(active) && active.selectionStart !== null
      ? [active.selectionStart, active.selectionEnd ?? active.selectionStart]
      : null;
  noteScrolling();
  const scroll = scrolledTo.get(host) ?? 0;
  host.replaceChildren(...children.filter((c): c is Node => c !== null));
  giveBack(host, 'data-key', values);
  for (const k of opened)
    host
      .querySelector(`summary[data-key="${CSS.escape(k)}"]`)
      ?.parentElement?.setAttribute('open', '');
  if (scroll > 0) host.scrollTop = scroll;
  const again = key ? host.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : null;
  if (inside && !again && host.hasAttribute('tabindex')) host.focus({ preventScroll: true });
  if (again) {
    again.focus({ preventScroll: true });
    if (caret && editable(again)) {
      try {
        again.setSelectionRange(caret[0]!, caret[1]!);
      } catch {
        // A number field has no caret to place.
      }
    }
  }
};

/** A table's head: one row of column headers. */
export const tableHead = (labels: readonly string[]): HTMLElement =>
  h('thead', {}, h('tr', {}, ...labels.map((x) => h('th', { scope: 'col' }, x))));

export const button = (label: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement =>
  h('button', { type: 'button', ...attrs, onclick: () => onClick() }, label);

/**
 * A table in a box that scrolls sideways when the table is wider than its panel (a phone at 200%
 * text), so that the page does not. The box can be reached by keyboard, to scroll it.
 */
export const scrollBox = (label: string, table: HTMLElement): HTMLElement =>
  h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label }, table);

/**
 * An action asked twice (ending the conference, removing a student): `label` opens the question,
 * whose `yes` button acts and whose `no` closes it again. A disclosure, so it stays open while the
 * panel is drawn anew (its summary's data-key is `key`).
 */
export const confirmAction = (
  key: string,
  label: string,
  question: string,
  yes: HTMLButtonElement,
  no: string,
): HTMLDetailsElement => {
  const box = h(
    'details',
    { class: 'confirm' },
    h('summary', { 'data-key': key, id: key }, label),
    h('p', {}, question),
  );
  // Keyed, so that the focus stays on it when the panel is drawn anew (a delegation moved).
  const cancel = button(
    no,
    () => {
      box.open = false;
      box.querySelector('summary')?.focus();
    },
    { 'data-key': `${key}-no` },
  );
  box.append(h('div', { class: 'buttons' }, yes, cancel));
  return box;
};

/** Resolves once the next frame has been painted (a task queued from its animation frame). */
export const afterNextPaint = (): Promise<void> =>
  new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/**
 * Draws a screen again (after a change of language or text size) without losing what the player
 * typed or chose: form fields with an id get their values back, the focus returns to the control
 * that had it, and the page stays scrolled where it was. Selects come first, each announcing its change, because other fields may
 * depend on them (the delegations offered for a scenario).
 */
export const redrawKeepingInput = (root: HTMLElement, draw: () => void): void => {
  const kept = keepFields(root, 'id');
  const focused = document.activeElement?.id;
  // The same screen again: where the page was scrolled too (a new screen starts at its top).
  const scrolled = window.scrollY;
  draw();
  giveBack(root, 'id', kept, true);
  if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  window.scrollTo(0, scrolled);
};
