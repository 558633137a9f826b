// The transformers.js side of the references for `./ronbun bench pipeline`: transformers.js's tokenizer and
// onnxruntime-node over the same model files Ronbun loads (model.onnx, tokenizer.json, ronbun-model.json), one
// passage per pass (the int8 model quantises activations per batch, as Ronbun detects), pooled as the descriptor
// says, returned as a unit vector. Shared by embedding-reference.mjs and pipeline-reference.mjs; loadModel also by
// transformers-js-bench.mjs.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function unit(vector) {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return vector.map((x) => x / norm);
}

/**
 * The model as Ronbun loads it: transformers.js's tokenizer for tokenizer.json and an onnxruntime-node session on
 * model.onnx, both named by the folder's ronbun-model.json, with `threads` intra-op threads and no thread spinning.
 */
export async function loadModel(modulesDir, modelDir, threads) {
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
  return { transformers, ort, descriptor, tokenizer, session };
}

/** Loads the model once; `embed(text)` gives one passage's unit vector. */
export async function loadEmbedder(modulesDir, modelDir, threads) {
  const { transformers, ort, descriptor, tokenizer, session } = await loadModel(modulesDir, modelDir, threads);
  const inputNames = new Set(session.inputNames);
  const pooling = descriptor.pooling ?? 'cls';

  async function embed(text) {
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
    return unit(vector);
  }

  /** A summary's vector: its passages' unit vectors averaged with Ronbun's weights, as a unit vector. */
  async function embedSummary(passages, seen) {
    let mean = null;
    let embedded = 0;
    for (const passage of passages) {
      let vector = seen?.get(passage.text);
      if (!vector) {
        vector = await embed(passage.text);
        embedded++;
        seen?.set(passage.text, vector);
      }
      mean ??= new Float32Array(vector.length);
      for (let d = 0; d < vector.length; d++) mean[d] += passage.weight * vector[d];
    }
    return { vector: unit(mean), embedded };
  }

  await embed('次元の確認'); // warm-up, as Ronbun's embedder does at load
  return { embed, embedSummary, version: transformers.env.version };
}
