-- The warehouse schema: jixiao documents as relational tables.
--
-- Written by `jixiao load` into PostgreSQL as it stands and into SQLite with
-- JSONB and TIMESTAMPTZ read as TEXT. Conventions follow the output contract
-- (schema/document.schema.json): money in 元, percentages in percent units,
-- scores in points; every normalized figure has its printed text beside it in
-- a *_raw column; NULL means not stated or unreadable.
--
-- A document is keyed by the sha256 of its input file. Loading a document
-- again replaces all of its rows in one transaction, so every document is
-- either wholly its old version or wholly its new one.
--
-- warehouse_meta.schema_version says which layout a database holds; jixiao
-- migrates an older layout it knows and refuses one it does not.

CREATE TABLE warehouse_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO warehouse_meta (key, value) VALUES ('schema_version', '1');

-- One row per input document.
CREATE TABLE document (
  sha256           TEXT PRIMARY KEY,      -- of the input file (source.sha256)
  source_path      TEXT,                  -- source.path
  pages            INTEGER,               -- source.pages
  input_kind       TEXT,                  -- pdf, image, text, docx, xlsx ... (from the source)
  page_methods     TEXT,                  -- distinct pages_info methods: "text", "ocr", "text+ocr" ...
  contract_version TEXT,                  -- schema_version of the document JSON
  pipeline_version TEXT,                  -- jixiao version that produced it, when the JSON says
  processed_at     TIMESTAMPTZ,           -- when it was produced (JSON, else the file's time)
  loaded_at        TIMESTAMPTZ NOT NULL,  -- when this version was loaded
  content_sha256   TEXT NOT NULL,         -- of the JSON as loaded: tells a corrected document
  report_count     INTEGER NOT NULL,
  flag_count       INTEGER NOT NULL,      -- document-level and report flags
  body             JSONB NOT NULL         -- the whole document JSON
);

-- One row per project report (Document.reports[report_index]).
CREATE TABLE report (
  document_sha256         TEXT NOT NULL REFERENCES document (sha256) ON DELETE CASCADE,
  report_index            INTEGER NOT NULL,
  title                   TEXT,
  project_name            TEXT,
  department              TEXT,           -- 主管部门
  implementing_unit       TEXT,           -- 项目实施单位
  county                  TEXT,           -- leading place name of the department (or unit): 东川区
  fiscal_year             INTEGER,
  fill_date               TEXT,           -- ISO YYYY-MM-DD or YYYY-MM
  template                TEXT,
  budget_weight           DOUBLE PRECISION,
  budget_rate_recomputed  DOUBLE PRECISION,
  budget_score_declared   DOUBLE PRECISION,
  budget_score_recomputed DOUBLE PRECISION,
  budget_score_raw        TEXT,
  total_declared          DOUBLE PRECISION,  -- bottom 总分
  total_declared_header   DOUBLE PRECISION,  -- 总分 in the header line
  total_self_score_text   DOUBLE PRECISION,  -- 自评得分 in the narrative
  total_recomputed        DOUBLE PRECISION,
  total_declared_raw      TEXT,
  form_weight_total       DOUBLE PRECISION,
  pages                   TEXT,           -- "1,2"
  PRIMARY KEY (document_sha256, report_index)
);

-- The budget figures of a report, one row per line stated:
-- planned (预算数), executed (执行数), remaining, initial, reduction, rate (执行率).
CREATE TABLE budget_line (
  document_sha256 TEXT NOT NULL REFERENCES document (sha256) ON DELETE CASCADE,
  report_index    INTEGER NOT NULL,
  line            TEXT NOT NULL,
  raw             TEXT,                   -- as printed: "638.43"
  value           DOUBLE PRECISION,       -- normalized: 6384300 (元) or 99.75 (%)
  unit            TEXT,
  comparator      TEXT,
  page            INTEGER,
  bbox_x0         DOUBLE PRECISION,
  bbox_y0         DOUBLE PRECISION,
  bbox_x1         DOUBLE PRECISION,
  bbox_y1         DOUBLE PRECISION,
  confidence      DOUBLE PRECISION,
  PRIMARY KEY (document_sha256, report_index, line)
);

-- One row per performance indicator (三级指标).
CREATE TABLE indicator (
  document_sha256   TEXT NOT NULL REFERENCES document (sha256) ON DELETE CASCADE,
  report_index      INTEGER NOT NULL,
  indicator_index   INTEGER NOT NULL,
  level1            TEXT,
  level2            TEXT,
  name              TEXT,
  kind              TEXT,                 -- quantitative / qualitative
  direction         TEXT,                 -- positive / reverse / equal
  target_raw        TEXT,                 -- 年初目标值 as printed
  target_value      DOUBLE PRECISION,
  target_date       TEXT,                 -- when the target is a date
  target_unit       TEXT,
  target_comparator TEXT,
  actual_raw        TEXT,                 -- 实际完成值 as printed
  actual_value      DOUBLE PRECISION,
  actual_date       TEXT,
  actual_unit       TEXT,
  actual_comparator TEXT,
  ratio_raw         TEXT,                 -- printed completion ratio
  ratio_value       DOUBLE PRECISION,
  ratio_recomputed  DOUBLE PRECISION,
  weight            DOUBLE PRECISION,
  weight_source     TEXT,                 -- column / group / inferred
  weight_raw        TEXT,
  score_declared    DOUBLE PRECISION,
  score_recomputed  DOUBLE PRECISION,
  score_raw         TEXT,
  page              INTEGER,
  bbox_x0           DOUBLE PRECISION,
  bbox_y0           DOUBLE PRECISION,
  bbox_x1           DOUBLE PRECISION,
  bbox_y1           DOUBLE PRECISION,
  confidence        DOUBLE PRECISION,     -- lowest of the target's and the actual's
  PRIMARY KEY (document_sha256, report_index, indicator_index)
);

-- One row per flag; report_index is NULL for a document-level flag.
CREATE TABLE flag (
  document_sha256 TEXT NOT NULL REFERENCES document (sha256) ON DELETE CASCADE,
  flag_index      INTEGER NOT NULL,       -- document flags first, then each report's
  report_index    INTEGER,
  code            TEXT NOT NULL,
  severity        TEXT NOT NULL,          -- error / warning / info
  path            TEXT,                   -- JSON Pointer into the report
  message         TEXT,
  declared        DOUBLE PRECISION,
  declared_text   TEXT,                   -- when the declared side is a date or text
  expected        DOUBLE PRECISION,
  expected_text   TEXT,
  page            INTEGER,                -- of the first evidence
  evidence        JSONB,                  -- [{page, bbox, text}, ...]
  PRIMARY KEY (document_sha256, flag_index)
);

CREATE INDEX flag_code ON flag (code, severity);
CREATE INDEX report_department ON report (department, fiscal_year);

-- Reports whose declared total differs from the recomputed one. The declared
-- total is the bottom 总分, else the header's, else the narrative's 自评得分.
CREATE VIEW report_total_mismatch AS
SELECT r.document_sha256, r.report_index, d.source_path, r.project_name, r.department,
       r.county, r.fiscal_year,
       COALESCE(r.total_declared, r.total_declared_header, r.total_self_score_text) AS declared,
       r.total_recomputed AS recomputed,
       COALESCE(r.total_declared, r.total_declared_header, r.total_self_score_text)
         - r.total_recomputed AS difference
FROM report r JOIN document d ON d.sha256 = r.document_sha256
WHERE COALESCE(r.total_declared, r.total_declared_header, r.total_self_score_text) IS NOT NULL
  AND r.total_recomputed IS NOT NULL
  AND abs(COALESCE(r.total_declared, r.total_declared_header, r.total_self_score_text)
          - r.total_recomputed) >= 0.01;

-- Error flags by code.
CREATE VIEW error_flags_by_code AS
SELECT code, count(*) AS flags, count(DISTINCT document_sha256) AS documents
FROM flag
WHERE severity = 'error'
GROUP BY code;

-- Error flags of reports by county, fiscal year and code.
CREATE VIEW error_flags_by_county_year AS
SELECT r.county, r.fiscal_year, f.code, count(*) AS flags
FROM flag f
JOIN report r ON r.document_sha256 = f.document_sha256 AND r.report_index = f.report_index
WHERE f.severity = 'error'
GROUP BY r.county, r.fiscal_year, f.code;

-- Budgets by department and fiscal year, in 元.
CREATE VIEW budget_by_department AS
SELECT r.department, r.fiscal_year, count(DISTINCT r.document_sha256 || '/' || r.report_index) AS reports,
       sum(CASE WHEN b.line = 'planned' THEN b.value END) AS planned,
       sum(CASE WHEN b.line = 'executed' THEN b.value END) AS executed
FROM report r
JOIN budget_line b ON b.document_sha256 = r.document_sha256 AND b.report_index = r.report_index
GROUP BY r.department, r.fiscal_year;
