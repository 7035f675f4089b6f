// Runs the CLI in this process and, as it exits, prints this process's peak RSS on the last
// line of stderr, so bench/streaming.mjs measures the conversion without /usr/bin/time.
//   node bench/streaming-child.mjs dist/cli/main.js convert … 
const [bin, ...argv] = process.argv.slice(2);
process.argv = [process.argv[0], bin, ...argv];
process.on('exit', () => {
  process.stderr.write(`\n${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
await import(new URL(bin, `file://${process.cwd()}/`).href);
