// The one schema both stores share, written once for both SQL dialects.
// Each entry migrates version i to i + 1; never edit a released entry, add one.

export type Dialect = 'sqlite' | 'postgres';

/** The PostgreSQL notification channel of committed generations. */
export const GENERATIONS_CHANNEL = 'beloftemeter_generations';

export function schemaMigrations(dialect: Dialect): string[] {
  const json = dialect === 'postgres' ? 'JSONB' : 'TEXT';
  const bytes = dialect === 'postgres' ? 'BYTEA' : 'BLOB';
  const serial = dialect === 'postgres' ? 'SERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';
  return [
    `CREATE TABLE sections (
       id TEXT PRIMARY KEY, agreement TEXT NOT NULL, part_index INTEGER NOT NULL, part TEXT NOT NULL,
       chapter TEXT NOT NULL, chapter_slug TEXT NOT NULL, number TEXT NOT NULL, title TEXT NOT NULL,
       level INTEGER NOT NULL, parent_id TEXT, ord INTEGER NOT NULL, page_start INTEGER NOT NULL,
       page_end INTEGER NOT NULL, text TEXT NOT NULL);
     CREATE INDEX sections_agreement ON sections (agreement, ord);
     CREATE TABLE decisions (
       id TEXT PRIMARY KEY, uri TEXT NOT NULL, title TEXT NOT NULL, short_title TEXT,
       body_text TEXT NOT NULL, body_html TEXT NOT NULL, meeting_date TEXT NOT NULL, meeting_id TEXT,
       item_type TEXT, mandatees ${json} NOT NULL, themes ${json} NOT NULL, position INTEGER);
     CREATE INDEX decisions_meeting_date ON decisions (meeting_date);
     CREATE TABLE parliament (
       id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, number TEXT, date TEXT,
       asker TEXT, addressee TEXT, question TEXT, answer TEXT, text TEXT NOT NULL, uri TEXT,
       source_file TEXT NOT NULL);
     CREATE TABLE ingest_runs (
       id ${serial}, finished_at TEXT NOT NULL, counts ${json} NOT NULL,
       written ${json} NOT NULL, issues ${json} NOT NULL);`,
    // Derived search structures (postings, vectors, dossiers), rebuilt by every ingest.
    `CREATE TABLE derived (name TEXT PRIMARY KEY, data ${bytes} NOT NULL, built_at TEXT NOT NULL);`,
    // Vectors from an external embedding model (the `embed` command), per model and document; an
    // ingest leaves them alone, the text hash tells which documents changed since. Float32 little-endian.
    `CREATE TABLE embeddings (
       model TEXT NOT NULL, doc_id TEXT NOT NULL, dims INTEGER NOT NULL, text_hash TEXT NOT NULL,
       vector ${bytes} NOT NULL, embedded_at TEXT NOT NULL, PRIMARY KEY (model, doc_id));`,
    // A language model's verdict on one (commitment, source) pair (the `verify` command), keyed by
    // the commitment's text so that it outlives any re-ingest that leaves the sentence as it was.
    `CREATE TABLE verdicts (
       commitment_hash TEXT NOT NULL, source_key TEXT NOT NULL, model TEXT NOT NULL, verdict TEXT NOT NULL,
       verified_at TEXT NOT NULL, PRIMARY KEY (commitment_hash, source_key));`,
    // Every commit that changes what readers see (an ingest or update that wrote or rebuilt something,
    // stored verdicts) adds a generation; running servers reload when the newest one changes.
    `CREATE TABLE generations (id ${serial}, committed_at TEXT NOT NULL, reason TEXT NOT NULL);`,
    // A checksum per derived structure, checked at every load: damage is refused, never read as data.
    `ALTER TABLE derived ADD COLUMN checksum TEXT;`,
    // Several agreements side by side: a section is known by its agreement and its id ("justitie/3.4" recurs).
    dialect === 'postgres'
      ? `ALTER TABLE sections DROP CONSTRAINT sections_pkey; ALTER TABLE sections ADD PRIMARY KEY (agreement, id);`
      : `CREATE TABLE sections_per_agreement (
           id TEXT NOT NULL, agreement TEXT NOT NULL, part_index INTEGER NOT NULL, part TEXT NOT NULL,
           chapter TEXT NOT NULL, chapter_slug TEXT NOT NULL, number TEXT NOT NULL, title TEXT NOT NULL,
           level INTEGER NOT NULL, parent_id TEXT, ord INTEGER NOT NULL, page_start INTEGER NOT NULL,
           page_end INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (agreement, id));
         INSERT INTO sections_per_agreement (id, agreement, part_index, part, chapter, chapter_slug, number, title, level, parent_id, ord, page_start, page_end, text)
           SELECT id, agreement, part_index, part, chapter, chapter_slug, number, title, level, parent_id, ord, page_start, page_end, text FROM sections;
         DROP TABLE sections;
         ALTER TABLE sections_per_agreement RENAME TO sections;
         CREATE INDEX sections_agreement ON sections (agreement, ord);`,
    // Editorial review (editor/): accounts, login sessions (only the sha256 of a session id is
    // stored), the current review of each reviewed commitment and the audit log of every change.
    // A review is keyed by its commitment's text, like a verdict, so it outlives any re-ingest.
    `CREATE TABLE users (
       name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL,
       disabled_at TEXT, failed_logins INTEGER NOT NULL DEFAULT 0, locked_until TEXT);
     CREATE TABLE sessions (
       id_hash TEXT PRIMARY KEY, user_name TEXT NOT NULL REFERENCES users (name), csrf_token TEXT NOT NULL,
       created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
     CREATE TABLE review_log (
       id ${serial}, agreement TEXT NOT NULL, section_id TEXT NOT NULL, commitment_hash TEXT NOT NULL,
       user_name TEXT NOT NULL, at TEXT NOT NULL, before ${json}, after ${json} NOT NULL);
     CREATE INDEX review_log_commitment ON review_log (agreement, section_id, commitment_hash);
     CREATE TABLE reviews (
       agreement TEXT NOT NULL, section_id TEXT NOT NULL, commitment_hash TEXT NOT NULL, revision INTEGER NOT NULL,
       status TEXT NOT NULL, public_note TEXT NOT NULL, internal_note TEXT NOT NULL, evidence ${json} NOT NULL,
       seen_sources ${json} NOT NULL, machine_status TEXT NOT NULL, reviewer TEXT NOT NULL, reviewed_at TEXT NOT NULL,
       PRIMARY KEY (agreement, section_id, commitment_hash));`,
    // PostgreSQL tells listening servers of every committed generation (NOTIFY is delivered at commit),
    // so a review saved on one server shows on the others at once; SQLite servers poll.
    dialect === 'postgres'
      ? `CREATE FUNCTION beloftemeter_generation_notify() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN PERFORM pg_notify('${GENERATIONS_CHANNEL}', NEW.id::text); RETURN NEW; END $$;
         CREATE TRIGGER generations_notify AFTER INSERT ON generations FOR EACH ROW EXECUTE FUNCTION beloftemeter_generation_notify();`
      : `SELECT 1;`,
  ];
}
