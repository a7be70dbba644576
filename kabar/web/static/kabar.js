// Kabar pages work without this script; it adds three things:
// 1. a cited passage is scrolled into view and focused, even when the browser kept an old scroll position;
// 2. an ingest job page polls the API and reloads with the outcome table when the job ends;
// 3. the counts in the header follow the store as articles arrive (a cached page's counts too).
"use strict";

function focusEvidence() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) return;
  const mark = target.tagName === "MARK" ? target : target.nextElementSibling;
  if (!mark) return;
  mark.classList.add("focused");
  mark.setAttribute("tabindex", "-1");
  mark.scrollIntoView({ block: "center" });
  mark.focus({ preventScroll: true });
}

function pollJob() {
  const box = document.querySelector("[data-poll]");
  if (!box) return;
  const status = box.querySelector("[data-job-status]");
  const progress = box.querySelector("[data-job-progress]");
  const tick = async () => {
    try {
      const response = await fetch(box.dataset.poll, { headers: { Accept: "application/json" } });
      const job = await response.json();
      if (job.status === "done" || job.status === "failed") { location.reload(); return; }
      status.textContent = job.status;
      progress.textContent = Object.entries(job.done)
        .map(([stage, n]) => `${stage} ${n}` + (job.totals[stage] ? `/${job.totals[stage]}` : "")
          + (job.rate_per_s[stage] ? ` (${job.rate_per_s[stage]}/s)` : ""))
        .join(" · ");
    } catch (error) {
      status.textContent = String(error);
    }
    setTimeout(tick, 600);
  };
  setTimeout(tick, 300);
}

function liveCounts() {
  const counts = document.querySelectorAll("[data-count]");
  if (!counts.length) return;
  let etag = null;
  const refresh = async () => {
    const headers = etag ? { "If-None-Match": etag } : {};
    const response = await fetch("/api/v1/stats", { headers });
    if (response.status === 200) {
      etag = response.headers.get("ETag");
      const values = await response.json();
      counts.forEach((node) => { node.textContent = values[node.dataset.count]; });
    }
  };
  // a page can come from the server's cache (a story's page stays while that story is unchanged), so the
  // counts are fetched once at load, then every ten seconds
  refresh().catch(() => {});
  setInterval(() => { refresh().catch(() => {}); }, 10000);
}

document.addEventListener("DOMContentLoaded", () => {
  focusEvidence();
  pollJob();
  liveCounts();
});
window.addEventListener("hashchange", focusEvidence);
