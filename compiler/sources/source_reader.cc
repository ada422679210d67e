#include "compiler/sources/source_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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
      if (!it->is_regular_file(type_ec)) continue;
      names.push_back(dir.empty() ? name : std::string(dir) + "/" + name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  bool Exists(std::string_view relative_name) const override {
    std::error_code ec;
    return fs::is_regular_file(fs::path(root_) / std::string(relative_name), ec);
  }

  std::optional<std::string> Read(std::string_view relative_name, std::string* error) const override {
    const fs::path path = fs::path(root_) / std::string(relative_name);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      if (error) *error = "cannot open file";
      return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
      if (error) *error = "cannot read file";
      return std::nullopt;
    }
    return text.str();
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

  std::optional<std::string> Read(std::string_view relative_name, std::string* error) const override {
    const auto it = files_.find(std::string(relative_name));
    if (it == files_.end()) {
      if (error) *error = "no such file";
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
