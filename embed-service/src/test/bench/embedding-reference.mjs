// The embedding-only reference for `./ronbun bench pipeline`: transformers.js doing embed-service's embedding job on
// the same summaries, the same passages (Ronbun's chunking, exported with their weights) and the same model files.
// Each summary's passages are tokenised by transformers.js, run through onnxruntime-node one per pass (the int8
// model quantises activations per batch, as Ronbun detects), pooled as the model's ronbun-model.json says, and
// averaged with Ronbun's weights into one unit vector per summary. Like Ronbun it never embeds the same passage twice
// in a run: a passage seen before (a second summary's title, a paragraph drawn twice) is taken from an in-memory map,
// as Ronbun takes it from its passage cache, which the benchmark empties before every round (--no-cache turns this
// off). No Kafka and no database: the reference does less than Ronbun does end to end, so the ratio is on the
// reference's side: an upper bound. pipeline-reference.mjs is the like-for-like one.
//
//   node embedding-reference.mjs NODE_MODULES_DIR MODEL_DIR PASSAGES_JSON VECTORS_OUT [--threads 2] [--no-cache]
// PASSAGES_JSON: [{"id": "...", "passages": [{"text": "...", "weight": 0.35}, ...]}, ...]
// Prints: reference summaries N passages P embedded E wall_s W summaries_per_s S cpu_s C summaries_per_cpu_s E peak_rss_mib M
import { readFileSync, writeFileSync } from 'node:fs';
import { loadEmbedder } from './reference-embedder.mjs';

const [modulesDir, modelDir, passagesFile, vectorsOut, ...rest] = process.argv.slice(2);
if (!modulesDir || !modelDir || !passagesFile || !vectorsOut) {
  console.error('usage: embedding-reference.mjs NODE_MODULES_DIR MODEL_DIR PASSAGES_JSON VECTORS_OUT [--threads 2] [--no-cache]');
  process.exit(2);
}
let threads = 2;
let cache = true;
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === '--threads') threads = Number(rest[++i]);
  else if (rest[i] === '--no-cache') cache = false;
  else throw new Error(`unknown option ${rest[i]}`);
}

const embedder = await loadEmbedder(modulesDir, modelDir, threads);

const summaries = JSON.parse(readFileSync(passagesFile, 'utf8'));
const vectors = {};
const seen = new Map(); // passage text -> unit vector, for this run only
let passages = 0;
let embedded = 0;
const cpuBefore = process.cpuUsage();
const start = performance.now();
for (const summary of summaries) {
  const result = await embedder.embedSummary(summary.passages, cache ? seen : null);
  embedded += result.embedded;
  passages += summary.passages.length;
  vectors[summary.id] = Array.from(result.vector);
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
writeFileSync(vectorsOut, JSON.stringify(vectors));
const peakMib = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`reference summaries ${summaries.length} passages ${passages} embedded ${embedded} wall_s ${seconds.toFixed(1)} summaries_per_s ${(summaries.length / seconds).toFixed(2)} cpu_s ${cpuSeconds.toFixed(1)} summaries_per_cpu_s ${(summaries.length / cpuSeconds).toFixed(2)} peak_rss_mib ${peakMib} transformers.js ${embedder.version} threads ${threads} cache ${cache}`);
