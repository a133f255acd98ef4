// What both browser scenarios share: Debian's chromium, headless, with
// nothing that reaches the network, and the one way a check is reported.
"use strict";
const { chromium } = require("playwright-core");

function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

// Prints "ok: what"; throws (the scenario exits 1) when !ok.
function check(ok, what) {
  if (!ok) throw new Error("FAILED: " + what);
  console.log("ok: " + what);
}

module.exports = { launch, check };
