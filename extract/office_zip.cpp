#include "extract/office_zip.h"

#include <zip.h>

namespace jixiao {

struct OfficeZip::Archive {
  zip_t* zip = nullptr;
  ~Archive() {
    if (zip != nullptr) zip_discard(zip);
  }
};

namespace {

std::string ZipErrorText(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

// Every entry's declared size and encryption, before anything is inflated.
Status CheckEntries(zip_t* zip, const ZipLimits& limits) {
  const zip_int64_t entries = zip_get_num_entries(zip, 0);
  if (entries < 0) return Status::Error("corrupt Office file (cannot list the ZIP archive)");
  if (entries > limits.max_entries)
    return Status::Error("Office file has too many parts (" + std::to_string(entries) + " ZIP entries)");
  uint64_t declared = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) != 0)
      return Status::Error("corrupt Office file (unreadable ZIP entry)");
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      return Status::Error("encrypted Office file (password-protected ZIP); save it without a password");
    if (st.valid & ZIP_STAT_SIZE) {
      if (st.size > limits.max_part_bytes)
        return Status::Error("Office file part too large when inflated (possible ZIP bomb)");
      declared += st.size;
      if (declared > limits.max_total_bytes)
        return Status::Error("Office file too large when inflated (possible ZIP bomb)");
    }
  }
  return Status::Ok();
}

}  // namespace

OfficeZip::OfficeZip(std::unique_ptr<Archive> archive, const ZipLimits& limits)
    : archive_(std::move(archive)), limits_(limits) {}

OfficeZip::~OfficeZip() = default;

Result<std::unique_ptr<OfficeZip>> OfficeZip::Open(std::string_view bytes, const ZipLimits& limits) {
  using R = Result<std::unique_ptr<OfficeZip>>;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return R::Error("cannot read Office file");
  }
  auto archive = std::make_unique<Archive>();
  archive->zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive->zip == nullptr) {
    zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return R::Error("corrupt Office file (not a readable ZIP archive: " + why + ")");
  }
  zip_error_fini(&error);
  if (Status s = CheckEntries(archive->zip, limits); !s.ok()) return R(s);
  return std::unique_ptr<OfficeZip>(new OfficeZip(std::move(archive), limits));
}

bool OfficeZip::Has(const std::string& name) const {
  return zip_name_locate(archive_->zip, name.c_str(), 0) >= 0;
}

Result<std::string> OfficeZip::Read(const std::string& name) {
  using R = Result<std::string>;
  const zip_int64_t index = zip_name_locate(archive_->zip, name.c_str(), 0);
  if (index < 0) return R::Error("Office file lacks the part " + name);
  zip_file_t* file = zip_fopen_index(archive_->zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr)
    return R::Error("corrupt Office file (cannot open " + name + ": " +
                    ZipErrorText(zip_error_code_zip(zip_get_error(archive_->zip))) + ")");
  std::string out;
  char buffer[64 * 1024];
  Status status;
  while (true) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      status = Status::Error("corrupt Office file (cannot inflate " + name + ")");
      break;
    }
    if (n == 0) break;
    // Counted while inflating: the declared sizes may lie.
    total_read_ += static_cast<uint64_t>(n);
    if (out.size() + static_cast<uint64_t>(n) > limits_.max_part_bytes || total_read_ > limits_.max_total_bytes) {
      status = Status::Error("Office file too large when inflated (possible ZIP bomb)");
      break;
    }
    out.append(buffer, static_cast<size_t>(n));
  }
  zip_fclose(file);
  if (!status.ok()) return R(status);
  return out;
}

}  // namespace jixiao
