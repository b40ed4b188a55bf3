// Preloaded with `node --require` when /usr/bin/time is missing: writes the process's peak RSS (KiB) on exit.
const fs = require('node:fs');
process.on('exit', () => {
  const out = process.env.MAPRACE_BENCH_RSS_FILE;
  if (out) fs.writeFileSync(out, String(process.resourceUsage().maxRSS));
});
