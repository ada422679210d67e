#include "compiler/sources/source_reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "runtime/base/file_io.h"

namespace clawgate {
namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string JoinDisplay(const std::string& root, std::string_view relative) {
  if (root.empty() || root == ".") return std::string(relative);
  std::string out = root;
  if (out.back() != '/') out += '/';
  out += relative;
  return out;
}

class FileSystemReader final : public SourceReader {
 public:
  FileSystemReader(std::string root, std::string display_root)
      : root_(std::move(root)), display_root_(std::move(display_root)) {}

  std::vector<std::string> List(std::string_view dir, std::string_view suffix) const override {
    std::vector<std::string> names;
    std::error_code ec;
    const fs::path base = fs::path(root_) / std::string(dir);
    for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.' || !EndsWith(name, suffix)) continue;
      std::error_code type_ec;
      if (it->symlink_status(type_ec).type() == fs::file_type::directory) continue;
      names.push_back(dir.empty() ? name : std::string(dir) + "/" + name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  bool Exists(std::string_view relative_name) const override {
    std::error_code ec;
    const fs::file_type type = fs::symlink_status(fs::path(root_) / std::string(relative_name), ec).type();
    return type != fs::file_type::not_found && type != fs::file_type::none && type != fs::file_type::directory;
  }

  std::optional<std::string> Read(std::string_view relative_name, ReadError* error) const override {
    auto fail = [&](ReadError::Kind kind, std::string message) -> std::optional<std::string> {
      *error = ReadError{kind, std::move(message)};
      return std::nullopt;
    };
    // Every component below the root: a real folder, then a regular file.
    std::string path = root_;
    size_t start = 0;
    while (true) {
      const size_t slash = relative_name.find('/', start);
      const std::string_view part =
          relative_name.substr(start, slash == std::string_view::npos ? slash : slash - start);
      path += "/";
      path += part;
      struct stat st {};
      if (::lstat(path.c_str(), &st) != 0) return fail(ReadError::Kind::kUnreadable, "cannot open file");
      if (S_ISLNK(st.st_mode)) {
        return fail(ReadError::Kind::kNotRegular, slash == std::string_view::npos
                                                      ? "a symbolic link; source files must be regular files"
                                                      : "reached through the symbolic link " + std::string(part));
      }
      if (slash == std::string_view::npos) {
        if (!S_ISREG(st.st_mode)) return fail(ReadError::Kind::kNotRegular, "not a regular file");
        if (static_cast<size_t>(st.st_size) > kSourceFileLimit) {
          return fail(ReadError::Kind::kTooLarge, std::to_string(st.st_size) + " bytes, more than the limit of " +
                                                      std::to_string(kSourceFileLimit));
        }
        break;
      }
      start = slash + 1;
    }
    std::string message;
    auto text = ReadFileLimited(path, &message, ReadOptions{kSourceFileLimit, true});
    if (!text) return fail(ReadError::Kind::kUnreadable, message);
    return text;
  }

  std::string DisplayName(std::string_view relative_name) const override {
    return JoinDisplay(display_root_, relative_name);
  }

 private:
  std::string root_;
  std::string display_root_;
};

class MemoryReader final : public SourceReader {
 public:
  MemoryReader(std::map<std::string, std::string> files, std::string display_root)
      : files_(std::move(files)), display_root_(std::move(display_root)) {}

  std::vector<std::string> List(std::string_view dir, std::string_view suffix) const override {
    std::vector<std::string> names;
    const std::string prefix = dir.empty() ? "" : std::string(dir) + "/";
    for (const auto& [name, text] : files_) {
      if (name.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string rest = name.substr(prefix.size());
      if (rest.find('/') != std::string::npos || rest.empty() || rest[0] == '.') continue;
      if (EndsWith(rest, suffix)) names.push_back(name);
    }
    return names;  // std::map keeps them sorted.
  }

  bool Exists(std::string_view relative_name) const override { return files_.count(std::string(relative_name)) != 0; }

  std::optional<std::string> Read(std::string_view relative_name, ReadError* error) const override {
    const auto it = files_.find(std::string(relative_name));
    if (it == files_.end()) {
      *error = ReadError{ReadError::Kind::kUnreadable, "no such file"};
      return std::nullopt;
    }
    if (it->second.size() > kSourceFileLimit) {
      *error =
          ReadError{ReadError::Kind::kTooLarge, std::to_string(it->second.size()) + " bytes, more than the limit of " +
                                                    std::to_string(kSourceFileLimit)};
      return std::nullopt;
    }
    return it->second;
  }

  std::string DisplayName(std::string_view relative_name) const override {
    return JoinDisplay(display_root_, relative_name);
  }

 private:
  std::map<std::string, std::string> files_;
  std::string display_root_;
};

}  // namespace

std::unique_ptr<SourceReader> MakeFileSystemReader(std::string root, std::optional<std::string> display_root) {
  std::string display = display_root ? std::move(*display_root) : root;
  return std::make_unique<FileSystemReader>(std::move(root), std::move(display));
}

std::unique_ptr<SourceReader> MakeMemoryReader(std::map<std::string, std::string> files, std::string display_root) {
  return std::make_unique<MemoryReader>(std::move(files), std::move(display_root));
}

}  // namespace clawgate
