#include "runtime/host/approvals_store.h"

#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "runtime/base/file_io.h"
#include "runtime/base/file_system.h"
#include "runtime/document/artifact.h"
#include "runtime/document/policy_digest.h"
#include "runtime/host/process.h"

namespace clawgate {
namespace {

using OrderedJson = nlohmann::ordered_json;

// 24 random bytes, base64url: the socket token OpenClaw itself would create.
std::string RandomToken() {
  unsigned char bytes[24];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("libcrypto could not produce random bytes");
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  for (size_t i = 0; i < sizeof bytes; i += 3) {
    const unsigned v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(v >> k) & 63];
  }
  return out;
}

class ClawdbotFileStore final : public ApprovalsStore {
 public:
  explicit ClawdbotFileStore(std::string home) : path_(std::move(home) + "/" + kDocumentFile) {}

  std::optional<std::string> Install(const std::string& document_bytes) override {
    std::string token;
    std::string read_error;
    if (const auto existing = ReadFileLimited(path_, &read_error, ReadOptions{kArtifactFileLimit, true})) {
      try {
        const auto old = nlohmann::json::parse(*existing);
        if (old.contains("socket") && old["socket"].is_object() && old["socket"].contains("token") &&
            old["socket"]["token"].is_string()) {
          token = old["socket"]["token"].get<std::string>();
        }
      } catch (const nlohmann::json::exception&) {
      }
    }
    if (token.empty()) token = RandomToken();
    OrderedJson doc = OrderedJson::parse(document_bytes);
    doc["socket"]["token"] = token;
    if (auto error = MakeDirs(path_.substr(0, path_.rfind('/')))) return error;
    return WriteFileAtomic(path_, doc.dump(2) + "\n", 0600);
  }

  LiveDocument Read() const override {
    LiveDocument live;
    const auto bytes = ReadFileLimited(path_, &live.error, ReadOptions{kArtifactFileLimit, true});
    if (!bytes) return live;
    auto parsed = ParseApprovals(*bytes, ReadMode::kClawdbot2026_1);
    if (!parsed.document) live.error = "live document: " + parsed.error;
    live.document = std::move(parsed.document);
    live.findings = std::move(parsed.findings);
    return live;
  }

 private:
  std::string path_;
};

class OpenClawCliStore final : public ApprovalsStore {
 public:
  OpenClawCliStore(std::string openclaw, std::string home, std::string scratch_dir)
      : openclaw_(std::move(openclaw)), home_(std::move(home)), scratch_dir_(std::move(scratch_dir)) {}

  std::optional<std::string> Install(const std::string& document_bytes) override {
    if (auto error = MakeDirs(home_)) return error;
    if (auto error = MakeDirs(scratch_dir_)) return error;
    const std::string file = scratch_dir_ + "/.install-" + RandomSuffix() + ".json";
    if (auto error = WriteNewFile(file, document_bytes, 0600)) return error;
    const ProcessResult set =
        RunProcess({openclaw_, "approvals", "set", "--file", file}, {{"OPENCLAW_STATE_DIR", home_}}, scratch_dir_);
    ::unlink(file.c_str());
    if (set.exit_code != 0) {
      return "openclaw approvals set failed (exit " + std::to_string(set.exit_code) + "): " + set.err;
    }
    const std::string stray = home_ + "/" + kDocumentFile;
    struct stat st {};
    if (::lstat(stray.c_str(), &st) == 0) {
      return "an exec-approvals.json exists in the OpenClaw home " + home_ + "; OpenClaw refuses exec while it does";
    }
    return std::nullopt;
  }

  LiveDocument Read() const override {
    LiveDocument live;
    if (auto error = MakeDirs(scratch_dir_)) {
      live.error = *error;
      return live;
    }
    const ProcessResult get =
        RunProcess({openclaw_, "approvals", "get", "--json"}, {{"OPENCLAW_STATE_DIR", home_}}, scratch_dir_);
    if (get.exit_code != 0) {
      live.error = "openclaw approvals get failed (exit " + std::to_string(get.exit_code) + "): " + get.err;
      return live;
    }
    auto parsed = ParseApprovals(get.out, ReadMode::kOpenClaw2026_9);
    if (!parsed.document) live.error = "live document: " + parsed.error;
    live.document = std::move(parsed.document);
    live.findings = std::move(parsed.findings);
    return live;
  }

 private:
  std::string openclaw_;
  std::string home_;
  std::string scratch_dir_;
};

}  // namespace

std::unique_ptr<ApprovalsStore> MakeApprovalsStore(Target target, const HostOptions& options, const std::string& home,
                                                   const std::string& scratch_dir) {
  if (target == Target::kClawdbot2026_1) return std::make_unique<ClawdbotFileStore>(home);
  return std::make_unique<OpenClawCliStore>(options.openclaw, home, scratch_dir);
}

std::optional<std::string> ResolveOpenClawHome(const HostOptions& options, const std::string& manifest_state_dir,
                                               std::string* error) {
  const std::string& raw = options.openclaw_home.value_or(manifest_state_dir);
  if (!raw.empty() && raw[0] == '~' && (options.home.empty() || options.home[0] != '/')) {
    *error = "cannot resolve the OpenClaw home " + raw + ": HOME is not set (pass --openclaw-home)";
    return std::nullopt;
  }
  const std::string home = ExpandHome(raw, options.home);
  if (home.empty() || home[0] != '/') {
    *error = "the OpenClaw home " + raw + " is not an absolute path";
    return std::nullopt;
  }
  return NormalizePath(home);
}

std::optional<std::string> InstallAndProve(ApprovalsStore& store, const std::string& document_bytes,
                                           const std::string& digest) {
  if (auto error = store.Install(document_bytes)) return error;
  const LiveDocument live = store.Read();
  if (!live.document) return "read-back failed: " + live.error;
  const std::string live_digest = PolicyDigest(*live.document);
  if (live_digest != digest) return "read-back digest " + live_digest + " differs from the artifact's " + digest;
  return std::nullopt;
}

ApprovalsDocument DenyAllDocument() {
  ApprovalsDocument doc;
  doc.defaults.security = Security::kDeny;
  doc.defaults.ask = Ask::kOff;
  doc.defaults.ask_fallback = Security::kDeny;
  doc.defaults.auto_allow_skills = false;
  return doc;
}

}  // namespace clawgate
