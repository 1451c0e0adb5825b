/* Search results for the header field, from Pagefind's JavaScript API. Imported by search.js on first use.

   Pagefind picks the index of the page's <html lang> by itself, so results stay in the page's language
   for any language the site is built in. Each result: page title, the heading of the best-matching section
   and an excerpt with the matched words marked, linking to that section. The number of results is
   announced (role=status). Keyboard: arrows move between the field and the results, Enter opens the
   first result, Esc closes. No innerHTML: excerpts are parsed in an inert document and copied as text. */

const PAGE_SIZE = 10;

export function start(root, { setOpen }) {
  const d = root.dataset;
  const t = { bundle: d.bundle, placeholder: d.tPlaceholder, none: d.tNone, one: d.tOne, other: d.tOther,
              failed: d.tFailed, more: d.tMore };
  const input = root.querySelector("input");
  const form = root.querySelector("form");
  const status = root.querySelector("[data-kb-search-status]");
  const list = root.querySelector("[data-kb-search-results]");
  const bundleUrl = new URL(t.bundle, document.baseURI);
  let pagefind = null;
  let seq = 0;
  let current = { results: [], shown: 0, query: "" };

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundleUrl).href).then(async (pf) => {
        // Result URLs are site-root paths; a site served under a path needs that path in front.
        // noWorker: the index is small, so searching on the page's thread costs less than a worker's script.
        await pf.options({ baseUrl: bundleUrl.pathname.replace(/pagefind\/$/, ""), excerptLength: 24, noWorker: true,
          // Fewer points for a word's tenth occurrence than Pagefind's default (1.4): a page that is
          // about the word (title, headings) ranks above one that mentions it often (search_queries.yml).
          ranking: { termSaturation: 1.0 } });
        await pf.init();  // the language's WebAssembly and index metadata, while the visitor types
        return pf;
      });
    }
    return pagefind;
  }

  function say(text) {
    if (status.textContent !== text) status.textContent = text;
  }

  function countText(n) {
    if (n === 0) return t.none;
    if (n === 1) return t.one;
    return t.other.replace("#", String(n));
  }

  function excerptNodes(html) {
    const doc = new DOMParser().parseFromString(`<p>${html || ""}</p>`, "text/html");
    const out = [];
    for (const node of doc.body.firstChild.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        out.push(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.push(mark);
      } else {
        out.push(document.createTextNode(node.textContent));
      }
    }
    return out;
  }

  function score(sub) {
    return (sub.weighted_locations || []).reduce((sum, w) => sum + (w.balanced_score || 0), 0)
      || (sub.locations || []).length;
  }

  function bestSection(data) {
    const subs = (data.sub_results || []).slice();
    if (!subs.length) return { url: data.url, title: "", excerpt: data.excerpt };
    subs.sort((a, b) => score(b) - score(a));
    const best = subs[0];
    return { url: best.url, title: best.anchor ? best.title : "", excerpt: best.excerpt || data.excerpt };
  }

  function item(data) {
    const sec = bestSection(data);
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link kb-search-result";
    a.href = sec.url;
    const box = document.createElement("div");
    box.className = "md-search-result__article md-typeset";
    const title = document.createElement("span");
    title.className = "kb-search-result__title";
    title.textContent = (data.meta && data.meta.title) || data.url;
    box.append(title);
    if (sec.title && sec.title !== title.textContent) {
      const h = document.createElement("span");
      h.className = "kb-search-result__section";
      h.textContent = sec.title;
      box.append(h);
    }
    const p = document.createElement("span");
    p.className = "kb-search-result__excerpt";
    p.append(...excerptNodes(sec.excerpt));
    box.append(p);
    a.append(box);
    li.append(a);
    return li;
  }

  async function showMore(my) {
    const next = current.results.slice(current.shown, current.shown + PAGE_SIZE);
    const data = await Promise.all(next.map((r) => r.data()));
    if (my !== seq) return;
    list.querySelector(".kb-search-more")?.remove();
    for (const d of data) list.append(item(d));
    current.shown += data.length;
    if (current.shown < current.results.length) {
      const li = document.createElement("li");
      li.className = "md-search-result__item kb-search-more";
      const b = document.createElement("button");
      b.type = "button";
      b.className = "md-button";
      b.textContent = t.more;
      b.addEventListener("click", () => {
        const first = current.shown;
        showMore(seq).then(() => list.querySelectorAll("a")[first]?.focus());
      });
      li.append(b);
      list.append(li);
    }
  }

  async function run() {
    const my = ++seq;
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      root.removeAttribute("data-kb-search-done");
      say(t.placeholder);
      return;
    }
    list.setAttribute("aria-busy", "true");
    let pf;
    try {
      pf = await load();
    } catch (e) {
      say(t.failed);
      return;
    }
    const res = await pf.debouncedSearch(query, {}, 120);
    if (res === null || my !== seq) return;
    current = { results: res.results, shown: 0, query };
    list.replaceChildren();
    await showMore(my);
    if (my !== seq) return;
    list.removeAttribute("aria-busy");
    say(countText(res.results.length));
    root.dataset.kbSearchDone = query;  // for tests: the list shown is the answer to this query
  }

  function links() {
    return [input, ...list.querySelectorAll("a, button")];
  }

  function close() {
    setOpen(false);
    input.blur();
  }

  root.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      close();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      const els = links();
      if (els.length < 2) return;
      const i = Math.max(0, els.indexOf(document.activeElement));
      const next = (i + (e.key === "ArrowDown" ? 1 : -1) + els.length) % els.length;
      els[next].focus();
      e.preventDefault();
    } else if (e.key === "Enter" && document.activeElement === input) {
      e.preventDefault();
      const first = list.querySelector("a");
      if (first) first.click();
    }
  });

  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () => {
    setTimeout(() => { run(); input.focus(); }, 0);
  });
  input.addEventListener("input", run);
  // A click on a result on the same page only changes the hash: close the search there too.
  list.addEventListener("click", (e) => { if (e.target.closest("a")) setOpen(false); });
  root.addEventListener("focusout", (e) => {
    if (e.relatedTarget && !root.contains(e.relatedTarget)) setOpen(false);
  });
  input.addEventListener("focus", () => setOpen(true));

  load();
  if (input.value.trim()) run();
}
