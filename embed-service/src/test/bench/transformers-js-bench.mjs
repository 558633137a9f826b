// Throughput of the same ONNX model and tokenizer.json under transformers.js (its tokenizer, its onnxruntime-node),
// printed in the same line format as dev.ronbun.embed.embedding.EmbeddingBenchmark, to compare the Java path with.
//
// Install outside the repository, then point the script at that node_modules and at a materialised model folder:
//   mkdir -p /tmp/tjs && cd /tmp/tjs && ONNXRUNTIME_NODE_INSTALL=skip npm install @huggingface/transformers
//   node embed-service/src/test/bench/transformers-js-bench.mjs /tmp/tjs/node_modules /tmp/ronbun-models/bge-small-zh-v15-q \
//        [--tokens 128,512] [--batch-sizes 1,4,16] [--seconds 5] [--threads 2]
import { readFileSync } from 'node:fs';
import { loadModel } from './reference-embedder.mjs';

const [modulesDir, modelDir, ...rest] = process.argv.slice(2);
if (!modulesDir || !modelDir) {
  console.error('usage: transformers-js-bench.mjs NODE_MODULES_DIR MODEL_DIR [--tokens 128,512] [--batch-sizes 1,4,16] [--seconds 5] [--threads 2]');
  process.exit(2);
}
const options = { tokens: [128, 512], batchSizes: [1, 4, 16], seconds: 5, threads: 2 };
for (let i = 0; i < rest.length; i += 2) {
  const value = rest[i + 1];
  switch (rest[i]) {
    case '--tokens': options.tokens = value.split(',').map(Number); break;
    case '--batch-sizes': options.batchSizes = value.split(',').map(Number); break;
    case '--seconds': options.seconds = Number(value); break;
    case '--threads': options.threads = Number(value); break;
    default: throw new Error(`unknown option ${rest[i]}`);
  }
}

const { transformers, ort, descriptor, tokenizer, session } = await loadModel(modulesDir, modelDir, options.threads);

const HIRAGANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん';
const KATAKANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const KANJI = '学習法型予測評価実験結果提案手法性能精度生成言語画像音声推論計算効率分布確率最適化損失関数層注意機構表現特徴';
let seed = 42;
const random = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const tokenCount = (text) => tokenizer.encode(text).length;

function japaneseLike(length) {
  let text = '';
  while (text.length < length) {
    const pool = [HIRAGANA, KATAKANA, KANJI][random(3)];
    for (let i = 1 + random(4); i > 0; i--) text += pool[random(pool.length)];
    if (random(12) === 0) text += '。';
  }
  return text;
}

function passagesOf(tokens, count) {
  const passages = [];
  while (passages.length < count) {
    const text = japaneseLike(tokens * 3);
    let low = 1, high = text.length;
    while (low < high) {
      const middle = Math.floor((low + high + 1) / 2);
      if (tokenCount(text.slice(0, middle)) <= tokens) low = middle; else high = middle - 1;
    }
    const passage = text.slice(0, low);
    if (tokenCount(passage) === tokens) passages.push(passage);
  }
  return passages;
}

const inputNames = new Set(session.inputNames);
async function embed(passages, batchSize) {
  const vectors = [];
  for (let from = 0; from < passages.length; from += batchSize) {
    const batch = passages.slice(from, from + batchSize);
    const encoded = tokenizer(batch, { padding: true, truncation: true, max_length: descriptor.maxTokens });
    const feed = {};
    for (const name of ['input_ids', 'attention_mask', 'token_type_ids']) {
      if (inputNames.has(name)) feed[name] = new ort.Tensor('int64', encoded[name].data, encoded[name].dims);
    }
    const output = (await session.run(feed))[session.outputNames[0]];
    const [rows, length, hidden] = output.dims;
    for (let row = 0; row < rows; row++) {
      const cls = output.data.slice(row * length * hidden, row * length * hidden + hidden);
      const norm = Math.hypot(...cls);
      vectors.push(cls.map((x) => x / norm));
    }
  }
  return vectors;
}

const cpuSeconds = () => { const usage = process.cpuUsage(); return (usage.user + usage.system) / 1e6; };
console.log(`transformers.js ${transformers.env.version} onnxruntime-node ${ort.env.versions?.common ?? ''} model ${descriptor.id} threads ${options.threads} loadavg ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
for (const tokens of options.tokens) {
  for (const batchSize of options.batchSizes) {
    const passages = passagesOf(tokens, 4 * batchSize);
    await embed(passages.slice(0, 2 * batchSize), batchSize);
    const rates = [];
    const cpuBefore = cpuSeconds();
    const deadline = performance.now() + options.seconds * 1000;
    while (rates.length < 3 || performance.now() < deadline) {
      const start = performance.now();
      await embed(passages, batchSize);
      rates.push(passages.length / ((performance.now() - start) / 1000));
    }
    const perCpuSecond = (rates.length * passages.length) / (cpuSeconds() - cpuBefore);
    rates.sort((a, b) => a - b);
    const peakMib = Math.round(process.resourceUsage().maxRSS / 1024);
    const rssMib = Math.round(process.memoryUsage().rss / 1024 / 1024);
    console.log(`tokens ${tokens} batch ${batchSize} passages/s ${rates[Math.floor(rates.length / 2)].toFixed(1)} passages/cpu-s ${perCpuSecond.toFixed(1)} rss_mib ${rssMib} peak_rss_mib ${peakMib}`);
  }
}
console.log(`loadavg ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
