// Browser test of `presswatch serve`, run by tests/web/test_browser.cpp with
// the URL of a server it started on 127.0.0.1 and a folder for screenshots.
// Debian's chromium, headless, driven by playwright-core (nothing is
// downloaded). Prints one line per check; exits 1 on the first failure.
"use strict";
const path = require("path");
const { launch, check } = require("./launch");

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node browser_test.js BASE_URL SCREENSHOT_DIR");
  process.exit(2);
}

async function hitIds(page) {
  // Spellings weigh terms differently: the set of results is what must agree.
  return (await page.$$eval("li.hit", (els) => els.map((e) => e.getAttribute("data-id")))).sort();
}

async function totalOf(page, query) {
  await page.goto(base + "/search?q=" + encodeURIComponent(query));
  const text = await page.textContent(".summary");
  return parseInt(text, 10);
}

(async () => {
  const browser = await launch();
  try {
    const desktop = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "vi-VN" });
    const page = await desktop.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    // The archived snapshot's own loads are blocked on purpose (its sandbox
    // CSP), and the browser asks for /favicon.ico: neither is a page error.
    page.on("console", (m) => {
      const where = (m.location() || {}).url || "";
      if (m.type() === "error" && !where.includes("/snapshot") && !where.includes("favicon")) errors.push(m.text() + " @ " + where);
    });

    // No login page yet (accounts are not merged): --no-auth, the local user.
    await page.goto(base + "/today");
    check((await page.title()).includes("Điểm tin"), "the landing page is today's digest");
    await page.screenshot({ path: path.join(shots, "today-1920.png"), fullPage: true });

    // Three spellings, the same results.
    let first = null;
    for (const q of ["thanh hoa", "Thanh Hoá", "THANH HÓA"]) {
      await page.goto(base + "/search");
      await page.fill("#q", q);
      await page.press("#q", "Enter");
      await page.waitForSelector(".summary");
      const ids = await hitIds(page);
      if (first === null) {
        check(ids.length > 0, `"${q}" finds clippings`);
        first = ids;
        await page.screenshot({ path: path.join(shots, "search-1920.png"), fullPage: true });
      } else {
        check(JSON.stringify(ids) === JSON.stringify(first), `"${q}" finds the same clippings as "thanh hoa"`);
      }
    }
    check((await page.$$("li.hit mark")).length > 0, "snippets highlight the matched words");

    // A bad query: its message in place.
    await page.goto(base + "/search?q=" + encodeURIComponent("thanh AND"));
    check((await page.textContent(".query-error")).includes("cột"), "a bad query shows the message and column in place");

    // An article with its mentions highlighted.
    await page.goto(base + "/articles/" + first[0]);
    const marks = await page.$$eval(".article h1 mark, .article .text mark", (els) => els.map((e) => e.textContent));
    check(marks.length > 0, "the article highlights the province's mentions (" + marks.slice(0, 3).join(", ") + ")");
    await page.screenshot({ path: path.join(shots, "article-1920.png"), fullPage: true });

    // Review three items with the keyboard; is:new drops by three.
    const before = await totalOf(page, "is:new");
    await page.goto(base + "/review");
    await page.screenshot({ path: path.join(shots, "review-1920.png"), fullPage: true });
    const items = (await page.$$(".review-item")).length;
    check(items >= 4, "the review lists the unreviewed clippings");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    for (let i = 0; i < 3; ++i) {
      const n = (await page.$$(".review-item")).length;
      await page.keyboard.press(i === 1 ? "n" : "r");
      // Polled from here: the page's CSP (no eval) forbids waitForFunction.
      for (let t = 0; t < 100 && (await page.$$(".review-item")).length !== n - 1; ++t) await page.waitForTimeout(50);
    }
    const after = await totalOf(page, "is:new");
    check(after === before - 3, `is:new went from ${before} to ${after} after three decisions by keyboard`);
    await page.goto(base + "/review");
    // u posts the undo, then the page reloads itself.
    await Promise.all([page.waitForNavigation(), page.keyboard.press("u")]);
    check((await totalOf(page, "is:new")) === before - 2, "u undid the last decision");

    // One at a time: the oldest unreviewed clipping in full, s skips it, r
    // decides the next one and moves on.
    await page.goto(base + "/review/one");
    const firstOne = new URL(page.url()).pathname;
    check(firstOne.startsWith("/articles/") && (await page.textContent(".review-one")).includes("tin 1 /"),
          "one at a time opens the oldest unreviewed clipping in review mode");
    await page.screenshot({ path: path.join(shots, "review-one-1920.png"), fullPage: true });
    await Promise.all([page.waitForNavigation(), page.keyboard.press("s")]);
    const second = new URL(page.url()).pathname;
    check(second !== firstOne && (await page.textContent(".review-one")).includes("tin 2 /"), "s skips to the next one");
    await Promise.all([page.waitForNavigation({ url: (u) => u.pathname.startsWith("/articles/") && u.pathname !== second }),
                       page.keyboard.press("r")]);
    check((await totalOf(page, "is:new")) === before - 3, "r in review mode decides the item and opens the next");

    // The admin page: create an account with the form, then the audit log and the configuration.
    await page.goto(base + "/admin");
    check((await page.title()).includes("Quản trị"), "the admin page opens");
    await page.fill("form.create-account input[name=name]", "lan.nguyen");
    await page.selectOption("form.create-account select[name=role]", "editor");
    await page.fill("form.create-account input[name=password]", "Hàm Rồng 1975 sông Mã");
    await page.fill("form.create-account input[name=password2]", "Hàm Rồng 1975 sông Mã");
    await Promise.all([page.waitForNavigation(), page.click("form.create-account button[type=submit]")]);
    check((await page.textContent("p.notice")).includes("lan.nguyen"), "the admin page's form creates an account");
    check((await page.$$("li.account-card[data-account='lan.nguyen']")).length === 1, "the new account is listed");
    await page.click("li.account-card[data-account='lan.nguyen'] details.reset summary");
    await page.screenshot({ path: path.join(shots, "admin-1920.png"), fullPage: true });
    await page.goto(base + "/admin/audit");
    check((await page.$$("table.audit-log tbody tr")).length >= 4, "the audit log lists the review decisions and the new account");
    await page.screenshot({ path: path.join(shots, "audit-1920.png"), fullPage: true });
    await page.goto(base + "/admin/config");
    await page.screenshot({ path: path.join(shots, "config-1920.png"), fullPage: true });
    check(errors.length === 0, "no script errors or CSP violations: " + errors.join(" | "));

    // The same search on a 360 px phone.
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await small.goto(base + "/search?q=" + encodeURIComponent("thanh hoa"));
    check(JSON.stringify(await hitIds(small)) === JSON.stringify(first), "360 px: the same results");
    const width = await small.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 360, `360 px: no sideways scrolling (page is ${width} px wide)`);
    await small.screenshot({ path: path.join(shots, "search-360.png"), fullPage: true });
    await small.goto(base + "/articles/" + first[0]);
    const awidth = await small.evaluate(() => document.documentElement.scrollWidth);
    check(awidth <= 360, `360 px: the article fits (page is ${awidth} px wide)`);
    await small.screenshot({ path: path.join(shots, "article-360.png"), fullPage: true });
    await small.goto(base + "/today");
    await small.screenshot({ path: path.join(shots, "today-360.png"), fullPage: true });
    for (const name of ["admin", "audit", "config"]) {
      await small.goto(base + "/admin" + (name === "admin" ? "" : "/" + name));
      const w = await small.evaluate(() => document.documentElement.scrollWidth);
      check(w <= 360, `360 px: the ${name} page fits (page is ${w} px wide)`);
      await small.screenshot({ path: path.join(shots, name + "-360.png"), fullPage: true });
    }

    // JavaScript off: reading and searching still work.
    const nojs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await nojs.newPage();
    await plain.goto(base + "/search");
    await plain.fill("#q", "Thanh Hoá");
    await plain.press("#q", "Enter");
    await plain.waitForSelector(".summary");
    check(JSON.stringify(await hitIds(plain)) === JSON.stringify(first), "JavaScript off: search works");
    await plain.click("li.hit a.headline");
    await plain.waitForSelector(".article");
    check(true, "JavaScript off: an article opens");
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
