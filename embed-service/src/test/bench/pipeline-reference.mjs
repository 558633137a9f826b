// The like-for-like reference for `./ronbun bench pipeline`: a plain transformers.js service doing embed-service's job
// end to end, as someone would write it with kafkajs and node-postgres. It consumes summary events from a Kafka topic
// (each carrying Ronbun's passages and weights, so the chunking is the same), and for each summary, one at a time:
//   1. skips it if it is already stored (a redelivery),
//   2. embeds its passages one per pass (reference-embedder.mjs: the same model files) into one weighted unit vector,
//   3. in one PostgreSQL transaction stores the summary's vector and its paper's vector (the mean of the paper's
//      summaries, so a second summary is not embedded again with the first),
//   4. publishes the paper (its key, summary ids and vector) to the output topic, acks from all replicas,
// committing the consumer's offsets after each batch as kafkajs does by default. What it does not do that Ronbun does:
// keywords (Kuromoji), retractions, work merging, metrics; and it has no passage cache (a plain pipeline embeds what
// it is given). The benchmark starts it once, waits for "ready", and times it as it times embed-service: from the
// first send until every summary is in a paper on the output topic.
//
//   node pipeline-reference.mjs NODE_MODULES_DIR MODEL_DIR --bootstrap HOST:PORT --in TOPIC --out TOPIC
//        --postgres postgres://USER:PASSWORD@HOST:PORT/DATABASE [--threads 2] [--concurrency 1] [--group NAME]
// --concurrency: partitions consumed at once (kafkajs partitionsConsumedConcurrently); 1 is kafkajs's default.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadEmbedder, unit } from './reference-embedder.mjs';

const [modulesDir, modelDir, ...rest] = process.argv.slice(2);
const options = { threads: 2, concurrency: 1, group: 'transformers-js-reference' };
for (let i = 0; i < rest.length; i++) {
  const name = rest[i].replace(/^--/, '');
  if (!['bootstrap', 'in', 'out', 'postgres', 'threads', 'concurrency', 'group'].includes(name)) {
    throw new Error(`unknown option ${rest[i]}`);
  }
  options[name] = rest[++i];
}
if (!modulesDir || !modelDir || !options.bootstrap || !options.in || !options.out || !options.postgres) {
  console.error('usage: pipeline-reference.mjs NODE_MODULES_DIR MODEL_DIR --bootstrap HOST:PORT --in TOPIC --out TOPIC '
    + '--postgres URL [--threads 2] [--concurrency 1] [--group NAME]');
  process.exit(2);
}

const require = createRequire(join(modulesDir, 'package.json'));
const { Kafka, logLevel } = require('kafkajs');
const pg = require('pg');

const embedder = await loadEmbedder(modulesDir, modelDir, Number(options.threads));
const pool = new pg.Pool({ connectionString: options.postgres, max: Number(options.concurrency) + 1 });
await pool.query(`create table if not exists reference_summaries (
  summary_id text primary key, paper_key text not null, vector real[] not null)`);
await pool.query(`create table if not exists reference_papers (
  paper_key text primary key, summary_ids text[] not null, vector real[] not null, updated_at timestamptz not null)`);
await pool.query('create index if not exists reference_summaries_paper on reference_summaries (paper_key)');

const kafka = new Kafka({ clientId: 'transformers-js-reference', brokers: [options.bootstrap], logLevel: logLevel.ERROR });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
const consumer = kafka.consumer({ groupId: options.group });
await producer.connect();
await consumer.connect();
await consumer.subscribe({ topic: options.in, fromBeginning: true });

function mean(vectors) {
  const sum = new Float32Array(vectors[0].length);
  for (const vector of vectors) for (let d = 0; d < sum.length; d++) sum[d] += vector[d];
  return Array.from(unit(sum));
}

async function handle(message) {
  const event = JSON.parse(message.value.toString());
  const stored = await pool.query('select 1 from reference_summaries where summary_id = $1', [event.summaryId]);
  // a redelivered summary publishes its paper as stored; a new one as the transaction leaves it
  const paper = stored.rowCount > 0 ? await storedPaper(event.paperKey) : await store(event);
  await producer.send({
    topic: options.out,
    acks: -1,
    messages: [{ key: event.paperKey, value: JSON.stringify({ paperKey: event.paperKey, ...paper }) }],
  });
}

async function storedPaper(paperKey) {
  const row = (await pool.query('select summary_ids, vector from reference_papers where paper_key = $1', [paperKey])).rows[0];
  return { summaryIds: row.summary_ids, vector: row.vector };
}

/** Embeds a new summary and stores it with its paper's new vector in one transaction; returns the paper. */
async function store(event) {
  const { vector } = await embedder.embedSummary(event.passages, null);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(`insert into reference_summaries (summary_id, paper_key, vector) values ($1, $2, $3)
      on conflict (summary_id) do nothing`, [event.summaryId, event.paperKey, Array.from(vector)]);
    const summaries = await client.query(
      'select summary_id, vector from reference_summaries where paper_key = $1 order by summary_id for update',
      [event.paperKey]);
    const paper = { summaryIds: summaries.rows.map((r) => r.summary_id), vector: mean(summaries.rows.map((r) => r.vector)) };
    await client.query(`insert into reference_papers (paper_key, summary_ids, vector, updated_at) values ($1, $2, $3, now())
      on conflict (paper_key) do update set summary_ids = excluded.summary_ids, vector = excluded.vector,
      updated_at = excluded.updated_at`, [event.paperKey, paper.summaryIds, paper.vector]);
    await client.query('commit');
    return paper;
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
}

consumer.on(consumer.events.GROUP_JOIN, () => console.log(`ready transformers.js ${embedder.version} threads ${options.threads} concurrency ${options.concurrency}`));
await consumer.run({
  partitionsConsumedConcurrently: Number(options.concurrency),
  eachMessage: async ({ message }) => handle(message),
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, async () => {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await pool.end().catch(() => {});
    process.exit(0);
  });
}
