// Tesseract engine per thread, tessdata discovery, word recognition.
#include "extract/ocr_engine.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ocrclass.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <system_error>

#include "extract/ocr_page.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

struct Language {
  const char* code;
  const char* debian_package;
};
constexpr Language kLanguages[] = {
    {"chi_sim", "tesseract-ocr-chi-sim"},
    {"eng", "tesseract-ocr-eng"},
};

bool IsFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

// The first language whose traineddata `dir` lacks, or nullptr.
const Language* MissingLanguage(const fs::path& dir) {
  for (const Language& lang : kLanguages)
    if (!IsFile(dir / (std::string(lang.code) + ".traineddata"))) return &lang;
  return nullptr;
}

std::string MissingMessage(const fs::path& dir, const Language& lang) {
  return std::string(lang.code) + ".traineddata not found in " + dir.string() +
         " (install the Debian package " + lang.debian_package + ")";
}

// Debian installs tessdata under /usr/share/tesseract-ocr/<version>/tessdata;
// newest version first.
std::vector<fs::path> DebianTessdataDirs() {
  std::vector<fs::path> dirs;
  std::error_code ec;
  const fs::path root = "/usr/share/tesseract-ocr";
  fs::directory_iterator it(root, ec), end;
  for (int guard = 0; !ec && it != end && guard < 1000; it.increment(ec), ++guard) {
    const fs::path dir = it->path() / "tessdata";
    std::error_code dir_ec;
    if (fs::is_directory(dir, dir_ec)) dirs.push_back(dir);
  }
  std::sort(dirs.begin(), dirs.end(), [](const fs::path& a, const fs::path& b) {
    // Numeric version order ("10" after "5"), names compared as numbers first.
    const std::string va = a.parent_path().filename().string();
    const std::string vb = b.parent_path().filename().string();
    const long na = std::strtol(va.c_str(), nullptr, 10), nb = std::strtol(vb.c_str(), nullptr, 10);
    return na != nb ? na > nb : va > vb;
  });
  dirs.push_back("/usr/share/tessdata");
  dirs.push_back("/usr/local/share/tessdata");
  return dirs;
}

struct Engine {
  std::unique_ptr<tesseract::TessBaseAPI> api;
  std::string source;    // what the directory was found from (see SourceKey)
};

// What FindTessdata depends on: the option and the environment variable.
std::string SourceKey(const ExtractOptions& options) {
  const char* prefix = std::getenv("TESSDATA_PREFIX");
  return options.tessdata_dir + '\n' + (prefix != nullptr ? prefix : "");
}

// Tesseract runs parts of the LSTM in OpenMP teams (`num_threads(4)`), one
// team per call: millions of them a page. Each team start asks the kernel for
// the load and the CPU mask and wakes its threads through futexes, which cost
// a sixth of a page's time in system calls and gave almost no overlap. Pages
// run in parallel on our own threads instead (--jobs counts every thread that
// works), so each engine thread runs its teams alone: with no active levels
// allowed, every team has one thread and no system call. The setting is per
// thread, and the runtime is only present when Tesseract was built with it,
// hence the lookup instead of a link-time dependency.
void UseOneOpenMpThread() {
  using SetMaxActiveLevels = void (*)(int);
  void* symbol = dlsym(RTLD_DEFAULT, "omp_set_max_active_levels");
  if (symbol != nullptr) reinterpret_cast<SetMaxActiveLevels>(symbol)(0);
}

// This thread's engine for `languages`, created on first use (or when the
// tessdata directory asked for changes).
Result<tesseract::TessBaseAPI*> ThreadEngine(OcrLanguages languages, const ExtractOptions& options) {
  thread_local Engine engines[2];
  Engine& engine = engines[languages == OcrLanguages::kChineseOnly ? 1 : 0];
  const std::string source = SourceKey(options);
  if (engine.api && engine.source == source) return engine.api.get();
  engine.api.reset();
  UseOneOpenMpThread();
  Result<std::string> dir = FindTessdata(options);
  if (!dir.ok()) return dir.status();
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  // Set before Init so that loading messages are silenced too.
  const std::vector<std::string> names = {"debug_file", "preserve_interword_spaces",
                                          "tessedit_do_invert", "user_defined_dpi"};
  const std::vector<std::string> values = {"/dev/null", "1", "0", "300"};
  const char* codes = TesseractLanguages(languages);
  if (api->Init(dir.value().c_str(), codes, tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) != 0) {
    return Result<tesseract::TessBaseAPI*>::Error("Tesseract could not load " + std::string(codes) + " from " +
                                                  dir.value());
  }
  engine.api = std::move(api);
  engine.source = source;
  return engine.api.get();
}

tesseract::PageSegMode SegMode(OcrLayout layout) {
  switch (layout) {
    case OcrLayout::kAuto: return tesseract::PSM_AUTO;
    case OcrLayout::kBlock: return tesseract::PSM_SINGLE_BLOCK;
    case OcrLayout::kLine: return tesseract::PSM_SINGLE_LINE;
    case OcrLayout::kRawLine: return tesseract::PSM_RAW_LINE;
    case OcrLayout::kWord: return tesseract::PSM_SINGLE_WORD;
  }
  return tesseract::PSM_SINGLE_BLOCK;
}

bool IsBlank(const char* s) {
  for (; *s != '\0'; ++s)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return false;
  return true;
}

std::string Trimmed(const char* s) {
  std::string t(s);
  const size_t a = t.find_first_not_of(" \t\r\n");
  const size_t b = t.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? std::string() : t.substr(a, b - a + 1);
}

Result<std::vector<OcrWord>> Recognize(tesseract::TessBaseAPI* api, Pix* image,
                                       const OcrRequest& request) {
  api->SetPageSegMode(SegMode(request.layout));
  api->SetVariable("tessedit_char_whitelist", request.whitelist.c_str());
  api->SetImage(image);
  const int dpi = static_cast<int>(std::lround(std::clamp(request.dpi, 70.0, 2400.0)));
  api->SetSourceResolution(dpi);

  tesseract::ETEXT_DESC monitor;
  if (request.timeout_seconds > 0) {
    monitor.set_deadline_msecs(static_cast<int>(std::min(request.timeout_seconds * 1000.0, 1e9)));
  }
  const int rc = api->Recognize(&monitor);
  if (request.timeout_seconds > 0 && monitor.deadline_exceeded()) {
    api->Clear();
    return Result<std::vector<OcrWord>>::Error("OCR time limit reached");
  }
  if (rc != 0) {
    api->Clear();
    return Result<std::vector<OcrWord>>::Error("Tesseract could not recognize the image");
  }
  std::vector<OcrWord> words;
  std::unique_ptr<tesseract::ResultIterator> it(api->GetIterator());
  if (it && !it->Empty(tesseract::RIL_SYMBOL)) {
    // Symbol by symbol; a new word starts where Tesseract says one begins.
    bool in_word = false;
    do {
      if (it->IsAtBeginningOf(tesseract::RIL_WORD) || !in_word) {
        if (in_word && words.back().symbols.empty()) words.pop_back();
        OcrWord w;
        int l = 0, t = 0, r = 0, b = 0;
        if (it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b)) {
          w.x0 = l, w.y0 = t, w.x1 = r, w.y1 = b;
        }
        w.confidence =
            std::clamp(static_cast<double>(it->Confidence(tesseract::RIL_WORD)) / 100.0, 0.0, 1.0);
        words.push_back(std::move(w));
        in_word = true;
      }
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (!text || IsBlank(text.get())) continue;
      OcrSymbol sym;
      sym.text = Trimmed(text.get());
      int l = 0, t = 0, r = 0, b = 0;
      if (it->BoundingBox(tesseract::RIL_SYMBOL, &l, &t, &r, &b)) {
        sym.x0 = l, sym.y0 = t, sym.x1 = r, sym.y1 = b;
      }
      sym.confidence =
          std::clamp(static_cast<double>(it->Confidence(tesseract::RIL_SYMBOL)) / 100.0, 0.0, 1.0);
      words.back().text += sym.text;
      words.back().symbols.push_back(std::move(sym));
    } while (it->Next(tesseract::RIL_SYMBOL));
    if (in_word && words.back().symbols.empty()) words.pop_back();
  }
  api->Clear();
  for (OcrWord& w : words) HoldConfidenceToSymbols(&w);
  return words;
}

}  // namespace

double LeastSymbolConfidence(const OcrWord& word) {
  double least = 1.0;
  for (const OcrSymbol& s : word.symbols) least = std::min(least, s.confidence);
  return least;
}

void HoldConfidenceToSymbols(OcrWord* word) {
  if (!word->symbols.empty()) word->confidence = std::max(word->confidence, LeastSymbolConfidence(*word));
}

void FitToSymbols(OcrWord* word) {
  word->text.clear();
  if (word->symbols.empty()) return;
  const OcrSymbol& first = word->symbols.front();
  word->x0 = first.x0, word->y0 = first.y0, word->x1 = first.x1, word->y1 = first.y1;
  for (const OcrSymbol& s : word->symbols) {
    word->text += s.text;
    word->x0 = std::min(word->x0, s.x0), word->y0 = std::min(word->y0, s.y0);
    word->x1 = std::max(word->x1, s.x1), word->y1 = std::max(word->y1, s.y1);
  }
}

const char* TesseractLanguages(OcrLanguages languages) {
  return languages == OcrLanguages::kChineseOnly ? "chi_sim" : "chi_sim+eng";
}

Result<std::string> FindTessdata(const ExtractOptions& options) {
  // An explicit directory is used as given: a missing language there is an
  // error, not a reason to look elsewhere.
  if (!options.tessdata_dir.empty()) {
    const fs::path dir = options.tessdata_dir;
    if (const Language* missing = MissingLanguage(dir)) {
      return Result<std::string>::Error(MissingMessage(dir, *missing));
    }
    return dir.string();
  }
  std::vector<fs::path> candidates;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix != nullptr && *prefix != '\0') {
    // Tesseract 4+ takes the tessdata directory itself; older setups named
    // its parent.
    candidates.push_back(fs::path(prefix));
    candidates.push_back(fs::path(prefix) / "tessdata");
  }
  for (const fs::path& dir : DebianTessdataDirs()) candidates.push_back(dir);
  const Language* first_missing = nullptr;
  fs::path first_dir;
  for (const fs::path& dir : candidates) {
    const Language* missing = MissingLanguage(dir);
    if (missing == nullptr) return dir.string();
    std::error_code ec;
    if (first_missing == nullptr && fs::is_directory(dir, ec)) {
      first_missing = missing;
      first_dir = dir;
    }
  }
  if (first_missing != nullptr) return Result<std::string>::Error(MissingMessage(first_dir, *first_missing));
  return Result<std::string>::Error(
      "no Tesseract language data found (install the Debian packages tesseract-ocr-chi-sim and "
      "tesseract-ocr-eng, or set TESSDATA_PREFIX)");
}

Result<std::vector<OcrWord>> RecognizeWords(Pix* image, const OcrRequest& request,
                                            const ExtractOptions& options) {
  if (image == nullptr) return Result<std::vector<OcrWord>>::Error("no image to recognize");
  if (pixGetWidth(image) < 3 || pixGetHeight(image) < 3) return std::vector<OcrWord>{};
  try {
    Result<tesseract::TessBaseAPI*> api = ThreadEngine(request.languages, options);
    if (!api.ok()) return api.status();
    return Recognize(api.value(), image, request);
  } catch (const std::exception& e) {
    return Result<std::vector<OcrWord>>::Error(std::string("Tesseract failed: ") + e.what());
  } catch (...) {
    return Result<std::vector<OcrWord>>::Error("Tesseract failed");
  }
}

}  // namespace jixiao
