/** Never let puppeteer download its own browser: tests use Debian's /usr/bin/chromium and /usr/bin/firefox-esr. */
module.exports = { skipDownload: true };
