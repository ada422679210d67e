#include "compiler/review/provenance.h"

#include <filesystem>
#include <system_error>

#include "runtime/base/timestamp.h"

namespace clawgate {

std::unique_ptr<RuleOrigins> RuleOrigins::ForWorkingTree(const std::string& source_root, const PolicySources& sources) {
  std::string error;
  std::shared_ptr<const GitRepository> repo = GitRepository::Open(source_root, &error);
  if (!repo || repo->workdir().empty()) return nullptr;
  const auto head = repo->ResolveCommit("HEAD", &error);
  if (!head) return nullptr;
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path workdir = fs::weakly_canonical(repo->workdir(), ec);
  const fs::path root = fs::weakly_canonical(fs::absolute(source_root, ec), ec);
  if (ec) return nullptr;
  std::string prefix = root.lexically_relative(workdir).generic_string();
  if (prefix == ".") prefix.clear();
  auto origins = ForCommit(std::move(repo), head->sha, prefix);
  origins->sources_ = &sources;
  return origins;
}

std::unique_ptr<RuleOrigins> RuleOrigins::ForCommit(std::shared_ptr<const GitRepository> repo, std::string commit,
                                                    std::string prefix) {
  std::unique_ptr<RuleOrigins> origins(new RuleOrigins());
  origins->repo_ = std::move(repo);
  origins->commit_ = std::move(commit);
  origins->prefix_ = prefix == "." ? "" : std::move(prefix);
  return origins;
}

std::optional<LineOrigin> RuleOrigins::Of(const std::string& relative_file, int line) const {
  if (line <= 0) return std::nullopt;
  const std::string path = prefix_.empty() ? relative_file : prefix_ + "/" + relative_file;
  const std::string* text = nullptr;
  if (sources_ != nullptr) {
    const auto display = sources_->display_names.find(relative_file);
    if (display == sources_->display_names.end()) return std::nullopt;
    const auto found = sources_->texts.find(display->second);
    if (found == sources_->texts.end()) return std::nullopt;
    text = &found->second;
  }
  const auto lines = repo_->Blame(commit_, path, text);
  if (!lines) {
    // A file that is in the working tree but in no commit yet.
    if (sources_ != nullptr) return LineOrigin{};
    return std::nullopt;
  }
  if (static_cast<size_t>(line) > lines->size()) return std::nullopt;
  const auto& commit = (*lines)[static_cast<size_t>(line) - 1];
  if (!commit) return LineOrigin{};
  return LineOrigin{true, *commit};
}

std::string RuleOrigins::Describe(const LineOrigin& origin) {
  if (!origin.committed) return "not committed yet";
  return origin.commit.sha.substr(0, 12) + " by " + origin.commit.author + ", " +
         FormatUtcTimestamp(origin.commit.time).substr(0, 10) + ": " + origin.commit.subject;
}

}  // namespace clawgate
