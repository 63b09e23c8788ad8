// The PostgreSQL backend (libpq): one connection; a batch is one transaction
// that deletes the batch's documents with one statement per table and writes
// each table with one COPY.

#include <libpq-fe.h>

#include <charconv>

#include "warehouse/backend.h"

namespace jixiao::warehouse {

namespace {

// A PGresult, cleared when it goes out of scope.
class PgResult {
 public:
  explicit PgResult(PGresult* r) : r_(r) {}
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  ~PgResult() { PQclear(r_); }
  PGresult* get() const { return r_; }
  ExecStatusType status() const { return PQresultStatus(r_); }

 private:
  PGresult* r_;
};

std::string FirstLine(const char* text) {
  std::string s = text ? text : "";
  if (size_t nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
  return s.rfind("ERROR:  ", 0) == 0 ? s.substr(8) : s;
}

// COPY text format: backslash escapes, \N for NULL, tab between fields.
void AppendCopyField(std::string& out, const Field& f) {
  if (std::holds_alternative<std::monostate>(f)) {
    out += "\\N";
  } else if (const long long* i = std::get_if<long long>(&f)) {
    out += std::to_string(*i);
  } else if (const double* d = std::get_if<double>(&f)) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    out.append(buf, ec == std::errc() ? end : buf);
  } else {
    for (char c : std::get<std::string>(f)) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: out += c;
      }
    }
  }
}

// {a,b,c}: the sha256s are hexadecimal, so need no quoting.
std::string TextArray(const std::vector<std::string>& values) {
  std::string a = "{";
  for (const std::string& v : values) a += (a.size() > 1 ? "," : "") + v;
  return a + "}";
}

class PostgresBackend : public Backend {
 public:
  PostgresBackend(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  ~PostgresBackend() override { PQfinish(conn_); }

  const char* engine() const override { return "postgresql"; }

  Status ExecuteScript(const std::string& sql) override {
    Status s = Command("BEGIN;\n" + sql + "\nCOMMIT;");
    if (!s.ok()) PgResult(PQexec(conn_, "ROLLBACK"));
    return s;
  }

  Result<std::optional<std::string>> QueryText(const std::string& sql) override {
    PgResult r(PQexec(conn_, sql.c_str()));
    if (r.status() != PGRES_TUPLES_OK) return Error(r.get());
    if (PQntuples(r.get()) == 0 || PQgetisnull(r.get(), 0, 0)) return std::optional<std::string>();
    return std::optional<std::string>(PQgetvalue(r.get(), 0, 0));
  }

  Result<bool> TableExists(const std::string& table) override {
    Result<std::optional<std::string>> r = QueryText("SELECT to_regclass('" + table + "') IS NOT NULL");
    if (!r.ok()) return r.status();
    return r.value().value_or("f") == "t";
  }

  Result<std::map<std::string, std::string>> StoredVersions(const std::vector<std::string>& sha256s) override {
    std::string array = TextArray(sha256s);
    const char* params[] = {array.c_str()};
    PgResult r(PQexecParams(conn_, "SELECT sha256, content_sha256 FROM document WHERE sha256 = ANY($1::text[])", 1,
                            nullptr, params, nullptr, nullptr, 0));
    if (r.status() != PGRES_TUPLES_OK) return Error(r.get());
    std::map<std::string, std::string> stored;
    for (int i = 0; i < PQntuples(r.get()); ++i) stored[PQgetvalue(r.get(), i, 0)] = PQgetvalue(r.get(), i, 1);
    return stored;
  }

  Status Replace(const std::vector<const DocumentRows*>& documents) override {
    if (Status s = Command("BEGIN"); !s.ok()) return s;
    Status s = WriteAll(documents);
    if (!s.ok()) {
      PgResult(PQexec(conn_, "ROLLBACK"));
      return s;
    }
    return Command("COMMIT");
  }

  Status ForEachRow(const std::string& sql, const std::function<void(const Fields&)>& row,
                    const std::function<void(const Fields&)>& names) override {
    if (!PQsendQuery(conn_, sql.c_str())) return Status::Error(name_ + ": " + FirstLine(PQerrorMessage(conn_)));
    PQsetSingleRowMode(conn_);
    Status status;
    Fields fields;
    bool named = !names;
    while (PGresult* raw = PQgetResult(conn_)) {
      PgResult r(raw);
      const bool tuples = r.status() == PGRES_SINGLE_TUPLE || r.status() == PGRES_TUPLES_OK;
      if (tuples && !named) {
        fields.assign(PQnfields(r.get()), std::nullopt);
        for (int i = 0; i < PQnfields(r.get()); ++i) fields[i] = std::string(PQfname(r.get(), i));
        names(fields);
        named = true;
      }
      if (r.status() == PGRES_SINGLE_TUPLE) {
        fields.assign(PQnfields(r.get()), std::nullopt);
        for (int i = 0; i < PQnfields(r.get()); ++i)
          if (!PQgetisnull(r.get(), 0, i)) fields[i] = std::string(PQgetvalue(r.get(), 0, i));
        row(fields);
      } else if (r.status() != PGRES_TUPLES_OK && status.ok()) {
        status = Error(r.get());
      }
    }
    return status;
  }

 private:
  Status Error(PGresult* r) const {
    const char* message = r ? PQresultErrorMessage(r) : nullptr;
    if (!message || !*message) message = PQerrorMessage(conn_);
    return Status::Error(name_ + ": " + FirstLine(message));
  }

  Status Command(const std::string& sql) {
    PgResult r(PQexec(conn_, sql.c_str()));
    return r.status() == PGRES_COMMAND_OK || r.status() == PGRES_TUPLES_OK ? Status::Ok() : Error(r.get());
  }

  Status WriteAll(const std::vector<const DocumentRows*>& documents) {
    std::vector<std::string> sha256s;
    for (const DocumentRows* d : documents) sha256s.push_back(d->sha256);
    std::string array = TextArray(sha256s);
    const char* params[] = {array.c_str()};
    const auto& specs = Tables();
    for (int t = kTableCount - 1; t >= 0; --t) {
      std::string sql = std::string("DELETE FROM ") + specs[t].name + " WHERE " + specs[t].document_key +
                        " = ANY($1::text[])";
      PgResult r(PQexecParams(conn_, sql.c_str(), 1, nullptr, params, nullptr, nullptr, 0));
      if (r.status() != PGRES_COMMAND_OK) return Error(r.get());
    }
    for (int t = 0; t < kTableCount; ++t)
      if (Status s = Copy(specs[t], t, documents); !s.ok()) return s;
    return Status::Ok();
  }

  Status Copy(const TableSpec& spec, int table, const std::vector<const DocumentRows*>& documents) {
    std::string sql = std::string("COPY ") + spec.name + " (";
    for (size_t i = 0; i < spec.columns.size(); ++i) sql += (i ? ", " : "") + std::string(spec.columns[i]);
    sql += ") FROM STDIN";
    {
      PgResult r(PQexec(conn_, sql.c_str()));
      if (r.status() != PGRES_COPY_IN) return Error(r.get());
    }
    std::string buffer;
    bool sent = true;
    for (const DocumentRows* d : documents) {
      for (const Row& row : d->tables[table]) {
        for (size_t i = 0; i < row.size(); ++i) {
          if (i) buffer += '\t';
          AppendCopyField(buffer, row[i]);
        }
        buffer += '\n';
      }
      if (buffer.size() > (1 << 20)) {
        sent = sent && PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) == 1;
        buffer.clear();
      }
    }
    if (!buffer.empty()) sent = sent && PQputCopyData(conn_, buffer.data(), static_cast<int>(buffer.size())) == 1;
    if (PQputCopyEnd(conn_, sent ? nullptr : "client could not send the rows") != 1)
      return Status::Error(name_ + ": " + FirstLine(PQerrorMessage(conn_)));
    Status status;
    while (PGresult* raw = PQgetResult(conn_)) {
      PgResult r(raw);
      if (r.status() != PGRES_COMMAND_OK && status.ok()) status = Error(r.get());
    }
    return status;
  }

  PGconn* conn_;
  std::string name_;
};

void IgnoreNotice(void*, const char*) {}

// The URI without its password, to name the database in messages.
std::string Redacted(const std::string& uri) {
  size_t scheme = uri.find("://");
  size_t at = uri.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return uri;
  size_t colon = uri.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return uri;
  return uri.substr(0, colon) + ":***" + uri.substr(at);
}

}  // namespace

Result<std::unique_ptr<Backend>> OpenPostgres(const std::string& uri) {
  PGconn* conn = PQconnectdb(uri.c_str());
  const std::string name = Redacted(uri);
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    std::string message = name + ": cannot connect to PostgreSQL: " +
                          (conn ? FirstLine(PQerrorMessage(conn)) : std::string("out of memory"));
    PQfinish(conn);
    return Status::Error(message);
  }
  PQsetNoticeProcessor(conn, IgnoreNotice, nullptr);
  return std::unique_ptr<Backend>(std::make_unique<PostgresBackend>(conn, name));
}

}  // namespace jixiao::warehouse
