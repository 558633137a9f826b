// The reference for `./ronbun bench pipeline`: a plain transformers.js pipeline doing embed-service's embedding job on
// the same summaries, the same passages (Ronbun's chunking, exported with their weights) and the same model files.
// Each summary's passages are tokenised by transformers.js, run through onnxruntime-node one per pass (the int8
// model quantises activations per batch, as Ronbun detects), pooled as the model's ronbun-model.json says, and
// averaged with Ronbun's weights into one unit vector per summary. Like Ronbun it never embeds the same passage twice
// in a run: a passage seen before (a second summary's title, a paragraph drawn twice) is taken from an in-memory map,
// as Ronbun takes it from its passage cache, which the benchmark empties before every round (--no-cache turns this
// off). No Kafka and no database: the reference does less than Ronbun does end to end, so the ratio is on the
// reference's side.
//
//   node pipeline-reference.mjs NODE_MODULES_DIR MODEL_DIR PASSAGES_JSON VECTORS_OUT [--threads 2] [--no-cache]
// PASSAGES_JSON: [{"id": "...", "passages": [{"text": "...", "weight": 0.35}, ...]}, ...]
// Prints: reference summaries N passages P embedded E wall_s W summaries_per_s S cpu_s C summaries_per_cpu_s E peak_rss_mib M
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modulesDir, modelDir, passagesFile, vectorsOut, ...rest] = process.argv.slice(2);
if (!modulesDir || !modelDir || !passagesFile || !vectorsOut) {
  console.error('usage: pipeline-reference.mjs NODE_MODULES_DIR MODEL_DIR PASSAGES_JSON VECTORS_OUT [--threads 2] [--no-cache]');
  process.exit(2);
}
let threads = 2;
let cache = true;
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === '--threads') threads = Number(rest[++i]);
  else if (rest[i] === '--no-cache') cache = false;
  else throw new Error(`unknown option ${rest[i]}`);
}

const transformers = await import(pathToFileURL(join(modulesDir, '@huggingface/transformers/dist/transformers.node.mjs')).href);
const ort = createRequire(join(modulesDir, 'package.json'))('onnxruntime-node');
const descriptor = JSON.parse(readFileSync(join(modelDir, 'ronbun-model.json'), 'utf8'));
const tokenizer = new transformers.BertTokenizer(
  JSON.parse(readFileSync(join(modelDir, descriptor.tokenizerFile ?? 'tokenizer.json'), 'utf8')), {});
const session = await ort.InferenceSession.create(join(modelDir, descriptor.modelFile ?? 'model.onnx'), {
  intraOpNumThreads: threads,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
  extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
});
const inputNames = new Set(session.inputNames);
const pooling = descriptor.pooling ?? 'cls';
const normalise = descriptor.normalizeEmbeddings ?? true;

function unit(vector) {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return vector.map((x) => x / norm);
}

async function embedPassage(text) {
  const encoded = tokenizer([text], { padding: false, truncation: true, max_length: descriptor.maxTokens });
  const feed = {};
  for (const name of ['input_ids', 'attention_mask', 'token_type_ids']) {
    if (inputNames.has(name)) feed[name] = new ort.Tensor('int64', encoded[name].data, encoded[name].dims);
  }
  const output = (await session.run(feed))[session.outputNames[0]];
  const [, length, hidden] = output.dims;
  const cls = Float32Array.from(output.data.slice(0, hidden));
  const mean = new Float32Array(hidden);
  for (let t = 0; t < length; t++) for (let d = 0; d < hidden; d++) mean[d] += output.data[t * hidden + d] / length;
  let vector;
  if (pooling === 'cls') vector = cls;
  else if (pooling === 'mean') vector = mean;
  else { const a = unit(cls), b = unit(mean); vector = a.map((x, d) => x + b[d]); }
  return normalise ? unit(vector) : vector;
}

const summaries = JSON.parse(readFileSync(passagesFile, 'utf8'));
await embedPassage('次元の確認'); // warm-up, as Ronbun's embedder does at load
const vectors = {};
const seen = new Map(); // passage text -> unit vector, for this run only
let passages = 0;
let embedded = 0;
const cpuBefore = process.cpuUsage();
const start = performance.now();
for (const summary of summaries) {
  let mean = null;
  for (const passage of summary.passages) {
    let vector = cache ? seen.get(passage.text) : undefined;
    if (!vector) {
      vector = unit(await embedPassage(passage.text));
      embedded++;
      if (cache) seen.set(passage.text, vector);
    }
    mean ??= new Float32Array(vector.length);
    for (let d = 0; d < vector.length; d++) mean[d] += passage.weight * vector[d];
    passages++;
  }
  vectors[summary.id] = Array.from(unit(mean));
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
writeFileSync(vectorsOut, JSON.stringify(vectors));
const peakMib = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`reference summaries ${summaries.length} passages ${passages} embedded ${embedded} wall_s ${seconds.toFixed(1)} summaries_per_s ${(summaries.length / seconds).toFixed(2)} cpu_s ${cpuSeconds.toFixed(1)} summaries_per_cpu_s ${(summaries.length / cpuSeconds).toFixed(2)} peak_rss_mib ${peakMib} transformers.js ${transformers.env.version} threads ${threads} cache ${cache}`);
