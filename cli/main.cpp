// jixiao: the command line. Thin by design: it parses options and calls the
// pipeline, batch, normalize, score and emit libraries.
//
//   jixiao run FILE|DIR... [-o DIR]   extract -> normalize -> score -> emit
//   jixiao normalize                  one Value per stdin line
//   jixiao score FILE.json...         re-check hand-corrected documents
//   jixiao summary FILE.json...       a short human summary of documents
//   jixiao layout FILE                what extraction read (pages, paragraphs, cells)
//   jixiao load SRC... --db TARGET    documents into SQLite / PostgreSQL (cli/warehouse_commands.h)
//   jixiao export --csv DIR --db TARGET
//   jixiao review FILE.json... -o DIR one HTML review page per document
//   jixiao manifest FILE|DIR...       inputs of a batch with sizes, pages, sha256
//   jixiao index merge INDEX...       the index files of shards joined
//
// Exit status: 0 every input processed, 2 bad usage, 3 some input failed.

#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "cli/warehouse_commands.h"
#include "cli/review_command.h"
#include "cli/shard_commands.h"
#include "emit/emit.h"
#include "extract/extract.h"
#include "normalize/normalize.h"
#include "pipeline/batch.h"
#include "score/score.h"
#include "summary/summary.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
constexpr int kExitInputFailed = 3;

std::string Dump(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// `other_kinds`: files a folder walk found that jixiao does not read.
int RunCommand(const jixiao::Result<std::vector<std::string>>& inputs, const std::vector<std::string>& other_kinds,
               jixiao::BatchOptions options, const std::string& profiles_dir, const std::string& db_target,
               bool review_pages) {
  std::vector<jixiao::Profile> loaded;
  if (!profiles_dir.empty()) {
    jixiao::Result<std::vector<jixiao::Profile>> p = jixiao::LoadProfiles(profiles_dir);
    if (!p.ok()) {
      std::fprintf(stderr, "jixiao: %s\n", p.status().message().c_str());
      return kExitUsage;
    }
    loaded = std::move(p).value();
    options.pipeline.profiles = &loaded;
  }
  // An index that cannot be written is bad usage, found before any work. An
  // index inside the output folder may wait for the folder to be made.
  if (!options.index_path.empty()) {
    const std::filesystem::path index_path(options.index_path);
    const std::filesystem::path folder = index_path.parent_path().lexically_normal();
    const std::string out = std::filesystem::path(options.output_dir).lexically_normal().string();
    std::error_code ec;
    const bool in_output = !options.output_dir.empty() && !folder.empty() &&
                           folder.string().rfind(out, 0) == 0 && !std::filesystem::exists(folder, ec);
    if (!in_output) {
      std::FILE* index = std::fopen(options.index_path.c_str(), "a");
      if (index == nullptr) {
        std::fprintf(stderr, "jixiao: cannot write index %s: %s\n", options.index_path.c_str(), std::strerror(errno));
        return kExitUsage;
      }
      std::fclose(index);
    }
  }
  if (!inputs.ok()) {
    std::fprintf(stderr, "jixiao: error: %s\n", inputs.status().message().c_str());
    return kExitInputFailed;
  }
  for (const std::string& file : other_kinds)
    std::fprintf(stderr, "jixiao: notice: %s: left out, jixiao does not read %s files\n", file.c_str(),
                 std::filesystem::path(file).has_extension()
                     ? std::filesystem::path(file).extension().string().c_str()
                     : "extension-less");
  if (!options.output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.output_dir, ec);
    if (ec) {
      std::fprintf(stderr, "jixiao: cannot create %s: %s\n", options.output_dir.c_str(), ec.message().c_str());
      return kExitUsage;
    }
  }
  std::unique_ptr<jixiao::cli::RunLoader> loader;
  if (!db_target.empty() && !(loader = jixiao::cli::RunLoader::Open(db_target))) return kExitInputFailed;
  const bool to_stdout = options.output_dir.empty() && !loader;
  int review_failed = 0;
  jixiao::BatchSummary summary = jixiao::RunBatch(inputs.value(), options, [&](const jixiao::BatchItem& item) {
    if (to_stdout && item.result.ok()) std::cout << Dump(jixiao::ToJson(item.result.value()), -1) << "\n" << std::flush;
    if (loader) loader->Add(item);
    if (review_pages && !jixiao::cli::WriteReviewBeside(item)) ++review_failed;
  });
  const bool all_loaded = !loader || loader->Finish();
  if (!options.progress && (summary.inputs > 1 || !other_kinds.empty())) {
    std::fprintf(stderr, "jixiao: %d inputs, %d processed, %d skipped (up to date), %d failed", summary.inputs,
                 summary.succeeded - summary.skipped, summary.skipped, summary.failed);
    if (!other_kinds.empty()) std::fprintf(stderr, ", %zu left out (other kinds)", other_kinds.size());
    std::fputc('\n', stderr);
  }
  return summary.failed > 0 || !all_loaded || review_failed > 0 ? kExitInputFailed : kExitOk;
}

int NormalizeCommand(const std::string& column_unit, bool percent_column) {
  jixiao::NormalizeContext context;
  if (!column_unit.empty()) context.column_unit = column_unit;
  context.percent_column = percent_column;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    jixiao::Normalized n = jixiao::Normalize(line, context);
    nlohmann::json j = jixiao::ToJson(n.value);
    if (n.noisy) j["noisy"] = true;
    std::cout << Dump(j, -1) << "\n";
  }
  std::cout.flush();
  return kExitOk;
}

jixiao::Result<nlohmann::json> ReadJsonFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return jixiao::Result<nlohmann::json>::Error(path + ": cannot open file");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return jixiao::Result<nlohmann::json>::Error(path + ": not valid JSON");
  return j;
}

int ScoreCommand(const std::vector<std::string>& paths, const std::string& output_dir) {
  std::vector<std::string> outputs = paths;
  if (!output_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(output_dir, ec);
    if (ec) {
      std::fprintf(stderr, "jixiao: cannot create %s: %s\n", output_dir.c_str(), ec.message().c_str());
      return kExitUsage;
    }
    outputs = jixiao::AssignOutputPaths(paths, output_dir);
  }
  int failed = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    jixiao::Result<nlohmann::json> j = ReadJsonFile(path);
    jixiao::Result<jixiao::Document> doc =
        j.ok() ? jixiao::DocumentFromJson(j.value()) : jixiao::Result<jixiao::Document>(j.status());
    if (!doc.ok()) {
      std::string message = doc.status().message();
      if (message.rfind(path, 0) != 0) message = path + ": " + message;
      std::fprintf(stderr, "jixiao: error: %s\n", message.c_str());
      ++failed;
      continue;
    }
    jixiao::ScoreDocument(doc.value(), jixiao::BuiltinProfiles());
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(outputs[i]).parent_path(), ec);
    jixiao::Status s = jixiao::WriteFileAtomically(outputs[i], Dump(jixiao::ToJson(doc.value()), 2) + "\n");
    if (!s.ok()) {
      std::fprintf(stderr, "jixiao: error: %s\n", s.message().c_str());
      ++failed;
    }
  }
  return failed ? kExitInputFailed : kExitOk;
}

// Reads each file ("-": standard input), a document or JSON Lines, and prints
// one summary aligned over all of them.
int SummaryCommand(const std::vector<std::string>& paths) {
  std::vector<jixiao::SummaryInput> documents;
  int failed = 0;
  for (const std::string& path : paths) {
    std::ifstream file;
    if (path != "-") file.open(path, std::ios::binary);
    if (path != "-" && !file) {
      std::fprintf(stderr, "jixiao: error: %s: cannot open file: %s\n", path.c_str(), std::strerror(errno));
      ++failed;
      continue;
    }
    std::stringstream text;
    text << (path == "-" ? std::cin.rdbuf() : file.rdbuf());
    jixiao::SummaryRead read = jixiao::ReadSummaryInputs(text.str(), path);
    for (const std::string& error : read.errors) std::fprintf(stderr, "jixiao: error: %s\n", error.c_str());
    failed += static_cast<int>(read.errors.size());
    for (jixiao::SummaryInput& d : read.documents) documents.push_back(std::move(d));
  }
  std::fputs(jixiao::Summarize(documents).c_str(), stdout);
  std::fflush(stdout);
  return failed ? kExitInputFailed : kExitOk;
}

jixiao::OcrMode ParseOcrMode(const std::string& mode) {
  return mode == "always" ? jixiao::OcrMode::kAlways : mode == "never" ? jixiao::OcrMode::kNever : jixiao::OcrMode::kAuto;
}

// Prints the layout model of each input: what the form parser gets to read.
int LayoutCommand(const std::vector<std::string>& paths, const jixiao::ExtractOptions& options) {
  int failed = 0;
  for (const std::string& path : paths) {
    jixiao::Result<jixiao::LayoutDocument> layout = jixiao::Extract(path, options);
    if (!layout.ok()) {
      std::fprintf(stderr, "jixiao: error: %s: %s\n", path.c_str(), layout.status().message().c_str());
      ++failed;
      continue;
    }
    std::printf("== %s\n%s", path.c_str(), jixiao::LayoutAsText(layout.value()).c_str());
  }
  std::fflush(stdout);
  return failed ? kExitInputFailed : kExitOk;
}

// When the first argument is a word that names no subcommand, the list of
// subcommands to name in the message.
std::optional<std::string> UnknownCommand(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-' || argv[1][0] == '\0') return std::nullopt;
  std::string names;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == argv[1]) return std::nullopt;
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  return names;
}

// A page image is tens of megabytes, made and freed several times a page.
// By default glibc maps such blocks fresh from the kernel and gives them back
// when freed, so every page pays again for the kernel to zero them: two
// thirds of a scan's page faults, and system time that grew with threads.
// Freed heap is kept for reuse up to half a gigabyte instead, and blocks up
// to 32 MB (glibc's ceiling) come from the heap; larger ones are still
// mapped and returned at once.
void KeepFreedImageMemory() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
}

}  // namespace

int main(int argc, char** argv) {
  KeepFreedImageMemory();
  CLI::App app{"jixiao: reads Chinese project performance self-evaluation reports (绩效自评表/自评报告), "
               "recomputes their scores and flags contradictions"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("jixiao ") + JIXIAO_VERSION);

  jixiao::BatchOptions batch;
  batch.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::string> run_inputs;
  std::string profiles_dir, ocr_mode = "auto";
  bool quiet = false;
  CLI::App* run = app.add_subcommand("run", "Process PDFs, page images or converted text into JSON documents");
  std::string run_manifest, run_shard;
  CLI::Option* run_inputs_option =
      run->add_option("inputs", run_inputs, "Files or folders (PDF, PNG/JPEG/TIFF, .docx/.xlsx, .txt/.md)");
  CLI::Option* manifest_option =
      run->add_option("--manifest", run_manifest, "Take the inputs from a manifest (jixiao manifest)")
          ->excludes(run_inputs_option);
  run->add_option("--shard", run_shard, "Run shard K of N of the manifest: K/N, auto or auto/N (Slurm array, "
                                        "Kubernetes indexed job)")
      ->needs(manifest_option);
  CLI::Option* run_output =
      run->add_option("-o,--output", batch.output_dir, "Write DIR/<name>.json per input (default: JSON Lines on stdout)");
  run->add_option("-j,--jobs", batch.jobs, "Worker threads (default: all cores)")->check(CLI::Range(1, 256));
  run->add_option("--ocr", ocr_mode, "auto: only pages without a usable text layer; always; never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  run->add_option("--dpi", batch.pipeline.extract.ocr_dpi, "Render resolution for OCR")->check(CLI::Range(72, 600));
  run->add_option("--page-timeout", batch.pipeline.extract.page_timeout_seconds,
                  "Seconds a page may take before it is skipped with a flag (0 = no limit)")
      ->check(CLI::Range(0.0, 86400.0));
  run->add_option("--max-pixels", batch.pipeline.extract.max_page_pixels, "Largest page image, in pixels")
      ->check(CLI::Range(1LL, 4'000'000'000LL));
  run->add_option("--tessdata", batch.pipeline.extract.tessdata_dir, "Tesseract language data directory");
  run->add_option("--encoding", batch.pipeline.extract.encoding,
                  "Character set of text inputs (e.g. GB18030, UTF-16LE, Big5; default: detected)");
  run->add_option("--profiles", profiles_dir, "Folder of template profiles replacing the built-in ones");
  run->add_flag("--resume", batch.resume, "Skip inputs whose output already exists for the same sha256");
  run->add_option("--index", batch.index_path, "Append one JSON line per input (path, sha256, status, ...)");
  run->add_flag("-q,--quiet", quiet, "No progress display");
  std::string run_db;
  run->add_option("--db", run_db, "Also load each document into this SQLite file or postgresql:// URI");
  bool review_pages = false;
  run->add_flag("--review", review_pages, "Also write DIR/<name>.html, a review page per document")->needs(run_output);

  std::string column_unit;
  bool percent_column = false;
  CLI::App* normalize = app.add_subcommand("normalize", "Read lines on stdin, write one Value (JSON) per line");
  normalize->add_option("--column-unit", column_unit, "Unit printed in the column header, e.g. 万元");
  normalize->add_flag("--percent", percent_column, "The column is headed with %");

  std::vector<std::string> manifest_inputs;
  std::string manifest_output;
  CLI::App* manifest = app.add_subcommand("manifest", "List the inputs of a batch with size, pages and sha256 (TSV)");
  manifest->add_option("inputs", manifest_inputs, "Files or folders")->required();
  manifest->add_option("-o,--output", manifest_output, "Write here instead of stdout");

  CLI::App* index = app.add_subcommand("index", "Work on index files of runs");
  index->require_subcommand(1);
  std::vector<std::string> merge_inputs;
  std::string merge_output;
  CLI::App* index_merge = index->add_subcommand("merge", "Join the index files of shards into one, in input order");
  index_merge->add_option("indexes", merge_inputs, "Index files (--index of jixiao run)")->required();
  index_merge->add_option("-o,--output", merge_output, "Write here instead of stdout");

  std::vector<std::string> score_inputs;
  std::string score_output;
  CLI::App* score = app.add_subcommand("score", "Re-check Document JSON files (e.g. corrected by hand)");
  score->add_option("documents", score_inputs, "jixiao Document JSON files")->required();
  score->add_option("-o,--output", score_output, "Write here instead of in place");

  std::vector<std::string> summary_inputs;
  CLI::App* summary = app.add_subcommand("summary", "Print a short summary of Document JSON files");
  summary->add_option("documents", summary_inputs, "jixiao Document JSON or JSON Lines files ('-': standard input)")
      ->required();

  std::vector<std::string> layout_inputs;
  std::string layout_ocr_mode = "auto";
  jixiao::ExtractOptions layout_options;
  CLI::App* layout = app.add_subcommand("layout", "Print what extraction read: pages, paragraphs, table cells");
  layout->add_option("inputs", layout_inputs, "PDF, page image or converted text files")->required();
  layout->add_option("--ocr", layout_ocr_mode, "auto: only pages without a usable text layer; always; never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  layout->add_option("--dpi", layout_options.ocr_dpi, "Render resolution for OCR")->check(CLI::Range(72, 600));
  layout->add_option("--tessdata", layout_options.tessdata_dir, "Tesseract language data directory");

  jixiao::cli::WarehouseCommands warehouse;
  jixiao::cli::AddWarehouseCommands(app, warehouse);
  jixiao::cli::ReviewArguments review_arguments;
  CLI::App* review = jixiao::cli::AddReviewCommand(app, &review_arguments);

  if (std::optional<std::string> unknown = UnknownCommand(app, argc, argv)) {
    std::fprintf(stderr, "jixiao: unknown command '%s' (commands: %s); see jixiao --help\n", argv[1],
                 unknown->c_str());
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  if (*run) {
    batch.pipeline.extract.ocr = ParseOcrMode(ocr_mode);
    batch.progress = !quiet && isatty(STDERR_FILENO);
    if (run_manifest.empty()) {
      if (run_inputs.empty()) {
        std::fprintf(stderr, "jixiao run: give input files or folders, or --manifest FILE\n");
        return kExitUsage;
      }
      std::vector<std::string> other_kinds;
      jixiao::Result<std::vector<std::string>> inputs = jixiao::ExpandInputs(run_inputs, &other_kinds);
      return RunCommand(inputs, other_kinds, batch, profiles_dir, run_db, review_pages);
    }
    std::vector<std::string> listed;
    if (int status = jixiao::cli::PrepareManifestRun(run_manifest, run_shard, &listed, &batch); status != kExitOk)
      return status;
    return RunCommand(listed, {}, batch, profiles_dir, run_db, review_pages);
  }
  if (std::optional<int> status = jixiao::cli::RunWarehouseCommand(warehouse)) return *status;
  if (*manifest) return jixiao::cli::ManifestCommand(manifest_inputs, manifest_output);
  if (*index_merge) return jixiao::cli::IndexMergeCommand(merge_inputs, merge_output);
  if (*normalize) return NormalizeCommand(column_unit, percent_column);
  if (*score) return ScoreCommand(score_inputs, score_output);
  if (*summary) return SummaryCommand(summary_inputs);
  if (*review) return jixiao::cli::ReviewCommand(review_arguments);
  if (*layout) {
    layout_options.ocr = ParseOcrMode(layout_ocr_mode);
    return LayoutCommand(layout_inputs, layout_options);
  }
  return kExitUsage;
}
