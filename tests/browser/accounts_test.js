// Browser test of `presswatch serve` with accounts (no --no-auth), run by
// tests/web/test_browser.cpp with the URL of a server it started on
// 127.0.0.1 whose store has the editor NAME with PASSWORD, a folder for
// screenshots and one for downloads. Logs in through the form, takes a
// bulk action on the review list, flags an item in bulk for an agency,
// flags another and takes its letter through sent and answered on the
// article page, downloads the month's Word briefing, the bulk-flagged
// item's letter from the Flagged page and a search's Word report (the C++
// side opens all three with LibreOffice), logs out. Prints one
// line per check; exits 1 on the first failure.
"use strict";
const fs = require("fs");
const path = require("path");
const { launch, check } = require("./launch");

const [base, shots, downloads, name, password, month] = process.argv.slice(2);
if (!base || !shots || !downloads || !name || !password || !month) {
  console.error("usage: node accounts_test.js BASE_URL SCREENSHOT_DIR DOWNLOAD_DIR NAME PASSWORD YYYY-MM");
  process.exit(2);
}

async function shot(page, file) { await page.screenshot({ path: path.join(shots, file), fullPage: true }); }

async function fits(page, what) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  check(w <= 360, `360 px: ${what} fits (page is ${w} px wide)`);
}

// Polled: the page's CSP (no eval) forbids waitForFunction.
async function until(test, ms = 5000) {
  for (let t = 0; t < ms / 50; ++t) {
    if (await test()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

(async () => {
  const browser = await launch();
  try {
    const desktop = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: "vi-VN", acceptDownloads: true });
    const page = await desktop.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => {
      const where = (m.location() || {}).url || "";
      if (m.type() === "error" && !where.includes("/snapshot") && !where.includes("favicon") &&
          !m.text().includes("401")) errors.push(m.text() + " @ " + where);
    });

    // Not logged in: the review sends us to the login form.
    await page.goto(base + "/review");
    check(page.url().includes("/login?next=%2Freview"), "a page without a session goes to the login form");
    await shot(page, "login-1920.png");

    // A wrong password: the Vietnamese message, still on the form.
    await page.fill("input[name=name]", name);
    await page.fill("input[name=password]", password + "x");
    await Promise.all([page.waitForNavigation(), page.click("form.login button[type=submit]")]);
    check((await page.textContent("p.error")).includes("Tên đăng nhập hoặc mật khẩu không đúng"),
          "a wrong password shows the Vietnamese message");
    await shot(page, "login-wrong-1920.png");

    // The right one: back to the review.
    await page.fill("input[name=name]", name);
    await page.fill("input[name=password]", password);
    await Promise.all([page.waitForNavigation(), page.click("form.login button[type=submit]")]);
    check(new URL(page.url()).pathname === "/review", "the right password lands on the page asked for");
    check((await page.textContent("header")).includes(name), "the header names the account");

    // Bulk: tick two items, "Không liên quan" through the API, in place.
    const count = async () => parseInt(await page.textContent("#review-count"), 10);
    const before = await count();
    const ticked = await page.$$eval(".review-item .pick", (els) => els.slice(0, 2).map((e) => e.value));
    check(ticked.length === 2, "the review list has boxes to tick");
    for (const id of ticked) await page.check(`#pick-${id}`);
    check((await page.textContent("#selected-count")).includes("2"), "the bulk bar counts the selection");
    await shot(page, "review-selected-1920.png");
    await page.click("#bulk button[value=not-relevant]");
    check(await until(async () => (await page.$$(`.review-item[data-id="${ticked[0]}"]`)).length === 0),
          "the bulk action takes the items off the list in place");
    check((await count()) === before - 2, `the count drops by two (${before} -> ${await count()})`);
    check((await page.textContent("#notice")).includes("cho 2 tin"), "the notice says how many changed");
    await shot(page, "review-bulk-1920.png");

    // Select all, then a tone for every shown item (the form's own POST).
    await page.check("#select-all");
    const shown = (await page.$$(".review-item .pick:checked")).length;
    check(shown === (await page.$$(".review-item")).length, "select all ticks every item");
    await page.selectOption("#bulk-tone", "neutral");
    await Promise.all([page.waitForNavigation(), page.click("#bulk button[value=tone]")]);
    check((await page.textContent("#notice")).includes(`Sắc thái: Trung tính» cho ${shown} tin`),
          "a bulk tone for the whole list comes back with its notice");
    // Undo takes back the whole batch (the tones); the list is unchanged.
    await Promise.all([page.waitForNavigation(), page.click("#undo")]);
    check((await page.textContent("#notice")).includes(`(${shown} tin)`), "undo takes back the whole batch");

    // A bulk flag naming the agency and the severity (the form's own POST).
    const flagged = await page.$eval(".review-item .pick", (e) => e.value);
    await page.check(`#pick-${flagged}`);
    await page.fill("#bulk-reason", "Công trình xuống cấp chưa được sửa");
    await page.selectOption("#bulk-agency", "so-xd");
    await page.selectOption("#bulk-severity", "2");
    await Promise.all([page.waitForNavigation(), page.click("#bulk button[value=flag]")]);
    check((await page.textContent("#notice")).includes("Cần trả lời» cho 1 tin"), "a bulk flag with an agency and a severity");

    // Flag one item, then its letter: sent, then answered, on the article page.
    await page.goto(base + "/search?sort=date&q=" + encodeURIComponent("-is:flagged"));
    const id = await page.getAttribute("li.hit", "data-id");
    await page.goto(base + "/articles/" + id);
    await page.click("#flag summary");
    await page.selectOption("#flag-agency", "so-yt");
    await page.selectOption("#flag select[name=severity]", "2");
    await page.fill("#flag input[name=reason]", "Báo nêu chậm giải quyết hồ sơ");
    await Promise.all([page.waitForNavigation(), page.click("#flag button[type=submit]")]);
    check((await page.textContent(".state")).includes("Cần trả lời"), "the article is flagged");
    await shot(page, "article-flagged-1920.png");
    const today = new Date().toISOString().slice(0, 10);
    await page.click("section.response details summary");
    await page.selectOption("form.respond select[name=step]", "sent");
    await page.selectOption("#respond-agency", "so-yt");
    await page.fill("form.respond input[name=letter]", "15/STTTT-BC");
    await page.fill("form.respond input[name=date]", today);
    await Promise.all([page.waitForNavigation(), page.click("form.respond button[type=submit]")]);
    check((await page.textContent(".state")).includes("Đã gửi, chờ trả lời"), "the letter is marked sent");
    check((await page.textContent("section.response")).includes("15/STTTT-BC"), "the letter's number shows");
    await page.click("section.response details summary");
    await page.selectOption("form.respond select[name=step]", "answered");
    await page.fill("form.respond input[name=date]", today);
    await page.fill("form.respond input[name=reply]", "220/SYT-VP");
    await Promise.all([page.waitForNavigation(), page.click("form.respond button[type=submit]")]);
    check((await page.textContent(".state")).includes("Đã trả lời"), "the answer is recorded");
    check((await page.textContent("section.response")).includes("220/SYT-VP"), "the reply's number shows");
    // The tone buttons on the article page.
    await Promise.all([page.waitForNavigation(), page.click(".tone-form button[value=negative]")]);
    check((await page.getAttribute(".tone-form button[value=negative]", "aria-pressed")) === "true",
          "the tone button shows the new tone");
    await shot(page, "article-answered-1920.png");

    // The month's Word briefing, saved for the C++ side to open.
    await page.goto(base + "/briefing?month=" + month);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("p.downloads a:text-is('Word')")]);
    const saved = path.join(downloads, "briefing.docx");
    await download.saveAs(saved);
    const head = fs.readFileSync(saved).subarray(0, 2).toString("latin1");
    check(head === "PK", `the Word briefing is downloaded (${download.suggestedFilename()})`);
    await shot(page, "briefing-1920.png");

    // The letter for the item flagged in bulk, from the Flagged page: one
    // agency, so one .docx.
    await page.goto(base + "/flagged");
    await page.check(`.letters-form input[name=id][value="${flagged}"]`);
    await shot(page, "flagged-selected-1920.png");
    const [letter] = await Promise.all([page.waitForEvent("download"), page.click(".letters-form button[type=submit]")]);
    const letterFile = path.join(downloads, "letter.docx");
    await letter.saveAs(letterFile);
    check(fs.readFileSync(letterFile).subarray(0, 2).toString("latin1") === "PK" && letter.suggestedFilename().includes("so-xd"),
          `the letter is downloaded (${letter.suggestedFilename()})`);

    // A search's results as the Word report, from the search page's link.
    await page.goto(base + "/search?q=" + encodeURIComponent("thanh hoa"));
    const [report] = await Promise.all([page.waitForEvent("download"), page.click("a:text-is('Tải Word')")]);
    const reportFile = path.join(downloads, "search.docx");
    await report.saveAs(reportFile);
    check(fs.readFileSync(reportFile).subarray(0, 2).toString("latin1") === "PK",
          `the search report is downloaded (${report.suggestedFilename()})`);
    check(errors.length === 0, "no script errors or CSP violations: " + errors.join(" | "));

    // The new pages on a 360 px phone, in the same session.
    const cookies = await desktop.cookies();
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await phone.addCookies(cookies);
    const small = await phone.newPage();
    await small.goto(base + "/review");
    await fits(small, "the review with its bulk bar");
    await small.check(".review-item .pick");
    await small.screenshot({ path: path.join(shots, "review-bulk-360.png"), fullPage: true });
    await small.goto(base + "/articles/" + id);
    await fits(small, "the answered article with its controls");
    await small.screenshot({ path: path.join(shots, "article-answered-360.png"), fullPage: true });
    await phone.close();
    const loginPhone = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const lp = await loginPhone.newPage();
    await lp.goto(base + "/login");
    await fits(lp, "the login form");
    await lp.screenshot({ path: path.join(shots, "login-360.png"), fullPage: true });
    await loginPhone.close();

    // Log out: the session ends; the review asks for a login again.
    await page.goto(base + "/review");
    await Promise.all([page.waitForNavigation(), page.click("form.logout button")]);
    await page.goto(base + "/review");
    check(page.url().includes("/login"), "after logging out the review asks for a login again");
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
